package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.registry.VenueInput;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * An unregistered stall (无证摊点) met in the field: a provisional venue at the phone's position, written through the
 * registry (history and audit), licence status {@code unlicensed} and pin status {@code review}, with a note, so that it
 * is inspected at once and appears in the planners' review list ({@link #pending}) until a planner edits or removes it.
 */
@ApplicationScoped
public class FieldService {
    public static final String PROVISIONAL_NOTE = "现场检查新建的无证摊点，待规划员审核";

    @Inject
    RegistryService registry;
    @Inject
    EntityManager em;

    public record StallInput(String name, String category, String address, Double lon, Double lat, String note) {
    }

    public record StallView(long id, String name, String category, String address, Double lon, Double lat, Long unitId,
            String notes, String geocodeStatus, String status, int version) {
    }

    @Transactional
    public StallView provisional(StallInput in, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (in.lon() == null) {
            errors.add(FieldError.of("lon", Messages.of("field.phonePosition")));
        }
        if (in.lat() == null) {
            errors.add(FieldError.of("lat", Messages.of("field.phonePosition")));
        }
        if (in.category() == null || in.category().isBlank()) {
            errors.add(FieldError.of("category", Messages.of("common.required")));
        }
        String name = in.name() == null || in.name().isBlank() ? "无证摊点" : in.name().trim();
        if (name.length() > 300) {
            errors.add(FieldError.of("name", Messages.of("common.maxChars", 300)));
        }
        if (in.note() != null && in.note().length() > 2000) {
            errors.add(FieldError.of("note", Messages.of("common.maxChars", 2000)));
        }
        CaseService.failOn(errors, Messages.of("what.stall"));
        String notes = PROVISIONAL_NOTE + (in.note() == null || in.note().isBlank() ? "" : "：" + in.note().trim());
        Venue v = registry.createVenue(new VenueInput(null, name, in.category(), in.address(), in.lon(), in.lat(), "WGS84", null,
                null, "unlicensed", null, notes, null), actor.name());
        em.flush();
        em.refresh(v); // the unit is placed by a database trigger
        v = registry.locateVenue(v.id, in.lon(), in.lat(), Datum.WGS84, "review", null, actor.name(), PROVISIONAL_NOTE);
        return view(v);
    }

    /** Provisional venues still waiting for a planner (unlicensed, pin under review, created in the field). */
    @Transactional
    public Page<StallView> pending(int limit, int offset, com.patrolplanner.registry.Scope scope) {
        if (limit < 1 || limit > Page.MAX_LIMIT || offset < 0) {
            throw ApiException.badRequest("limit", Messages.of("field.limit", Page.MAX_LIMIT));
        }
        String where = "v.status = 'unlicensed' AND v.geocode_status = 'review' AND v.notes LIKE '" + PROVISIONAL_NOTE + "%' AND "
                + scope.sql("v.unit_id");
        Number n = (Number) em.createNativeQuery("SELECT count(*) FROM venue v WHERE " + where).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT v.id FROM venue v WHERE " + where + " ORDER BY v.id DESC LIMIT " + limit
                + " OFFSET " + offset).getResultList();
        List<StallView> out = ids.stream().map(i -> view(Venue.<Venue>findById(i.longValue()))).toList();
        return new Page<>(n.longValue(), out.size(), offset, out);
    }

    private static StallView view(Venue v) {
        return new StallView(v.id, v.name, v.category, v.address, v.geom == null ? null : v.geom.getX(),
                v.geom == null ? null : v.geom.getY(), v.unitId, v.notes, v.geocodeStatus, v.status, v.version);
    }
}
