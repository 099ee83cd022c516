package com.patrolplanner.complaint;

import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.geocode.Candidate;
import com.patrolplanner.geocode.GeocodeEngine;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.UnitService;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Taking a complaint in: its fields checked (all errors at once, nothing written), its subject found (a venue, an address
 * geocoded, or a point), its unit (属地管理: where the subject lies, else the taker's), and the accept deadline set.
 */
@ApplicationScoped
class ComplaintIntake {
    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    UnitService units;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    GeocodeEngine geocoder;
    @Inject
    ComplaintCounts counts;
    @Inject
    WorkCalendar calendar;
    @Inject
    ComplaintQueries queries;

    @Transactional
    ComplaintView create(ComplaintInput in, CurrentUser user) {
        if (in == null) {
            throw ApiException.invalid("body", Messages.of("complaint.required"));
        }
        List<FieldError> errors = new ArrayList<>();
        Complaint c = new Complaint();
        try {
            c.source = ComplaintSource.parse(in.source()).code();
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("source", in.source() == null ? Messages.of("complaint.requiredOneOf",
                    e.getMessage()) : e.getMessage()));
        }
        c.referredBy = ComplaintInputs.text(in.referredBy(), "referredBy", 200, errors);
        if (c.source != null && c.source.startsWith("referral") && c.referredBy == null) {
            errors.add(FieldError.of("referredBy", Messages.of("complaint.referredBy")));
        }
        OffsetDateTime now = OffsetDateTime.now();
        c.receivedAt = in.receivedAt() == null || in.receivedAt().isBlank() ? now : ComplaintInputs.instant("receivedAt", in.receivedAt(), errors);
        if (c.receivedAt != null && c.receivedAt.isAfter(now.plusMinutes(5))) {
            errors.add(FieldError.of("receivedAt", Messages.of("common.inFuture")));
        } else if (c.receivedAt != null && c.receivedAt.isBefore(now.minusYears(5))) {
            errors.add(FieldError.of("receivedAt", Messages.of("complaint.tooOld")));
        }
        c.content = ComplaintInputs.text(in.content(), "content", ComplaintInputs.MAX_TEXT, errors);
        if (c.content == null) {
            errors.add(FieldError.of("content", Messages.of("complaint.content")));
        }
        c.reporterName = ComplaintInputs.text(in.reporterName(), "reporterName", 100, errors);
        c.reporterContact = ComplaintInputs.text(in.reporterContact(), "reporterContact", 200, errors);
        Scope scope = jurisdiction.scope();
        subject(c, in, scope, errors);
        if (!errors.isEmpty()) {
            throw ComplaintInputs.invalid(Messages.of("what.complaint"), errors);
        }
        if (c.unitId == null) {
            c.unitId = user.unitId();
        }
        if (!scope.sees(c.unitId) && !scope.all()) {
            throw registry.outside(scope, c.unitId, c.venueId != null ? "venueId" : in.lon() != null ? "lon" : "address");
        }
        c.createdBy = user.name();
        c.createdAt = now;
        c.updatedAt = now;
        c.state = ComplaintState.RECEIVED.code();
        ComplaintWorkflow.setDue(c, DeadlineRule.ofStage("accept"), calendar);
        c.persist();
        em.flush();
        registry.history(Complaint.HISTORY_TYPE, c.id, "create", user.name(), null, ChangeHistory.diff(Map.of(), ComplaintQueries.snapshot(c)));
        counts.syncCount(c.venueId);
        return queries.view(c, user);
    }

    /** Fills the subject: a venue (its position, unit, category), else an address (geocoded) or a point. */
    private void subject(Complaint c, ComplaintInput in, Scope scope, List<FieldError> errors) {
        String category = in.category() == null || in.category().isBlank() ? null : in.category();
        if (category != null) {
            try {
                c.category = VenueCategory.parse(category).code;
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("category", e.getMessage()));
            }
        }
        c.address = ComplaintInputs.text(in.address(), "address", 500, errors);
        if (in.venueId() != null) {
            Venue v = Venue.findById(in.venueId());
            if (v == null || !scope.sees(v.unitId)) {
                errors.add(FieldError.of("venueId", Messages.of("common.noVenueWord", in.venueId())));
                return;
            }
            c.venueId = v.id;
            c.unitId = v.unitId;
            c.geom = v.geom == null ? null : GeoJson.point(v.geom.getX(), v.geom.getY());
            if (c.address == null) {
                c.address = v.address;
            }
            if (category == null) {
                c.category = v.category;
            }
            return;
        }
        if (category == null) {
            errors.add(FieldError.of("category", Messages.of("complaint.category")));
        }
        if ((in.lon() == null) != (in.lat() == null)) {
            errors.add(FieldError.of(in.lon() == null ? "lon" : "lat", Messages.of("complaint.lonLat")));
            return;
        }
        if (in.lon() != null) {
            Datum datum;
            try {
                datum = in.datum() == null || in.datum().isBlank() ? Datum.WGS84 : Datum.parse(in.datum());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("datum", e.getMessage()));
                return;
            }
            try {
                GeoJson.checkLonLat(in.lon(), in.lat(), "lon/lat");
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(e.getMessage().contains("latitude") ? "lat" : "lon", e.getMessage()));
                return;
            }
            double[] w = datum.toWgs84(in.lon(), in.lat());
            c.geom = GeoJson.point(w[0], w[1]);
            c.geocodeLevel = "given";
        } else if (c.address != null) {
            List<Candidate> found = geocoder.geocode(c.address, ComplaintInputs.blank(in.district()), 1);
            Candidate best = found.isEmpty() ? null : found.get(0);
            if (best == null || best.level() == Candidate.Level.district || best.level() == Candidate.Level.city) {
                errors.add(FieldError.of("address",
                        best == null ? Messages.of("complaint.notLocated") : Messages.of("complaint.locatedOnly",
                                best.level(), best.matched())));
                return;
            }
            c.geom = GeoJson.point(best.lon(), best.lat());
            c.geocodeLevel = best.level().name();
        } else {
            errors.add(FieldError.of("venueId", Messages.of("complaint.subject")));
            return;
        }
        c.unitId = units.unitAt(c.geom.getX(), c.geom.getY(), ComplaintInputs.blank(in.district()));
    }
}
