package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.inspection.InspectionService;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.OpeningHours;
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
import java.util.Map;

/**
 * An unregistered stall (无证摊点) met in the field: a provisional venue at the phone's position, written through the
 * registry (history and audit), licence status {@code unlicensed} and pin status {@code review}, with a note, so that it
 * is inspected at once and appears in the planners' review list ({@link #pending}) until a planner confirms it into the
 * register ({@link #confirm}), merges it into the registered venue it was ({@link #merge}) or rejects it
 * ({@link #reject}); each through the registry's service, in the history and the audit trail.
 */
@ApplicationScoped
public class FieldService {
    public static final String PROVISIONAL_NOTE = "现场检查新建的无证摊点，待规划员审核";

    @Inject
    RegistryService registry;
    @Inject
    EntityManager em;
    @Inject
    InspectionService inspections;
    @Inject
    jakarta.enterprise.event.Event<StallMerged> merged;

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

    /** Sortable fields of the pending stalls ({@code sort}); the newest first unless asked otherwise. */
    public static final java.util.Map<String, String> SORT = ListQuery.sortFields("id", "v.id", "name", "v.name",
            "category", "v.category", "address", "v.address");
    public static final String DEFAULT_SORT = "-id";

    /** Provisional venues still waiting for a planner (unlicensed, pin under review, created in the field). */
    @Transactional
    public Page<StallView> pending(int limit, int offset, String sort, com.patrolplanner.registry.Scope scope) {
        if (limit < 1 || limit > Page.MAX_LIMIT || offset < 0) {
            throw ApiException.badRequest("limit", Messages.of("field.limit", Page.MAX_LIMIT));
        }
        String where = "v.status = 'unlicensed' AND v.geocode_status = 'review' AND v.notes LIKE '" + PROVISIONAL_NOTE + "%' AND "
                + scope.sql("v.unit_id");
        Number n = (Number) em.createNativeQuery("SELECT count(*) FROM venue v WHERE " + where).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT v.id FROM venue v WHERE " + where + " ORDER BY "
                + com.patrolplanner.web.Paging.orderBy(sort, DEFAULT_SORT, SORT, "v.id DESC") + " LIMIT " + limit
                + " OFFSET " + offset).getResultList();
        List<StallView> out = ids.stream().map(i -> view(Venue.<Venue>findById(i.longValue()))).toList();
        return new Page<>(n.longValue(), out.size(), offset, out);
    }

    // ---------------------------------------------------------------- the planners' review of a provisional stall

    /** Confirming a stall into the register: the fields as the planner corrected them, with the version read. */
    public record ConfirmInput(String name, String category, String address, String licenceNo, String status,
            OpeningHours openingHours, Integer capacity, String notes, Double lon, Double lat, Integer version, String reason) {
    }

    /** Merging a stall into the registered venue {@code venueId} it turned out to be. */
    public record MergeInput(Long venueId, Integer version, String reason) {
    }

    /** Rejecting a stall (not a cultural venue, a mistaken entry, gone): {@code reason} required. */
    public record RejectInput(Integer version, String reason) {
    }

    /** What a review did: the venue that stays in the register, and for a merge how many records moved. */
    public record ReviewResult(String action, StallView stall, Long venueId, int inspectionsMoved, int recordsMoved) {
    }

    /**
     * Confirm (确认入库): the planner's corrected fields are written through the registry (field history and audit), the
     * pin becomes a planner's ({@code manual}), and the provisional mark leaves the notes: the venue is a register entry
     * like any other.
     */
    @Transactional
    public ReviewResult confirm(long id, ConfirmInput in, Actor actor) {
        Venue v = pendingStall(id, in == null ? null : in.version());
        List<FieldError> errors = new ArrayList<>();
        String name = in.name() == null || in.name().isBlank() ? v.name : in.name().trim();
        String reason = reason(in.reason(), false, errors);
        CaseService.failOn(errors, "review");
        String notes = in.notes() == null ? stripMark(v.notes) : stripMark(in.notes());
        Double lon = in.lon() != null ? in.lon() : v.geom == null ? null : v.geom.getX();
        Double lat = in.lat() != null ? in.lat() : v.geom == null ? null : v.geom.getY();
        Venue u = registry.updateVenue(id, new VenueInput(in.licenceNo(), name, in.category() == null ? v.category : in.category(),
                in.address() == null ? v.address : in.address(), lon, lat, "WGS84", in.openingHours(), in.capacity(),
                in.status() == null || in.status().isBlank() ? v.status : in.status(), null, notes, in.version()), actor.name());
        if (u.geom != null) {
            u = registry.locateVenue(id, u.geom.getX(), u.geom.getY(), Datum.WGS84, "manual", null, actor.name(),
                    "无证摊点审核：确认入库" + (reason == null ? "" : "（" + reason + "）"));
        }
        return new ReviewResult("confirm", view(u), u.id, 0, 0);
    }

    /**
     * Merge (并入已登记场所): the stall was a registered venue after all. Its inspections move to that venue through the
     * inspection capability, its goods, documents and cases (casework's own records) follow, each move in the history
     * and audit, and {@link StallMerged} is fired for the complaints that name it (the complaint capability moves
     * them); the stall itself is kept as a closed record (status {@code closed}) whose notes name the venue it was
     * merged into, so its history stays readable.
     */
    @Transactional
    public ReviewResult merge(long id, MergeInput in, Actor actor) {
        Venue stall = pendingStall(id, in == null ? null : in.version());
        List<FieldError> errors = new ArrayList<>();
        String reason = reason(in.reason(), false, errors);
        Venue target = null;
        if (in.venueId() == null) {
            errors.add(FieldError.of("venueId", com.patrolplanner.i18n.Messages.of("stall.mergeTargetRequired")));
        } else if (in.venueId() == id) {
            errors.add(FieldError.of("venueId", com.patrolplanner.i18n.Messages.of("stall.mergeIntoItself")));
        } else {
            try {
                target = registry.venue(in.venueId());
            } catch (ApiException e) {
                errors.add(FieldError.of("venueId", com.patrolplanner.i18n.Messages.of("stall.noVenue", in.venueId())));
            }
        }
        CaseService.failOn(errors, "review");
        String why = "无证摊点 " + id + "（" + stall.name + "）并入场所 " + target.id + "（" + target.name + "）"
                + (reason == null ? "" : "：" + reason);
        int inspections = this.inspections.moveVenue(id, target.id, actor.name(), why);
        int records = 0;
        for (String table : List.of("case_file", "goods_act", "issued_document")) {
            records += em.createNativeQuery("UPDATE " + table + " SET venue_id = ?2, unit_id = coalesce(?3, unit_id) WHERE venue_id = ?1")
                    .setParameter(1, id).setParameter(2, target.id).setParameter(3, target.unitId).executeUpdate();
        }
        merged.fire(new StallMerged(id, target.id, actor.name(), why)); // complaints naming the stall follow
        registry.history("venue", target.id, "merge", actor.name(), why,
                ChangeHistory.diff(Map.of(), Map.of("mergedStall", id, "inspectionsMoved", inspections, "recordsMoved", records)));
        Venue closed = retire(stall, "已并入场所 " + target.id + "（" + target.name + "）", in.version(), actor, why);
        return new ReviewResult("merge", view(closed), target.id, inspections, records);
    }

    /**
     * Reject (不予入库): not a cultural venue, or a mistaken entry. The stall is kept (its inspection happened) as a
     * closed record with the reason in its notes and history; it leaves the review list.
     */
    @Transactional
    public ReviewResult reject(long id, RejectInput in, Actor actor) {
        Venue stall = pendingStall(id, in == null ? null : in.version());
        List<FieldError> errors = new ArrayList<>();
        String reason = reason(in.reason(), true, errors);
        CaseService.failOn(errors, "review");
        Venue closed = retire(stall, "审核未通过：" + reason, in.version(), actor, "无证摊点审核：不予入库（" + reason + "）");
        return new ReviewResult("reject", view(closed), null, 0, 0);
    }

    /** The stall as a closed record: status closed, the provisional mark replaced by {@code why}, pin a planner's. */
    private Venue retire(Venue v, String mark, int version, Actor actor, String reason) {
        OpeningHours hours = v.openingHours == null ? null : OpeningHours.fromMap(v.openingHours);
        String rest = stripMark(v.notes);
        Venue u = registry.updateVenue(v.id, new VenueInput(v.licenceNo, v.name, v.category, v.address,
                v.geom == null ? null : v.geom.getX(), v.geom == null ? null : v.geom.getY(), "WGS84", hours, v.capacity,
                "closed", null, mark + (rest == null ? "" : "；" + rest), version), actor.name());
        if (u.geom != null) {
            u = registry.locateVenue(v.id, u.geom.getX(), u.geom.getY(), Datum.WGS84, "manual", null, actor.name(), reason);
        }
        return u;
    }

    /** The provisional stall {@code id} (404 outside the caller's units, 409 when not awaiting review, 409 stale). */
    private Venue pendingStall(long id, Integer version) {
        Venue v = registry.venue(id); // another unit's record is a 404 before anything about the body
        if (version == null) {
            throw ApiException.invalid("version", com.patrolplanner.i18n.Messages.of("common.versionRequired"));
        }
        if (!"unlicensed".equals(v.status) || !"review".equals(v.geocodeStatus) || v.notes == null
                || !v.notes.startsWith(PROVISIONAL_NOTE)) {
            throw new ApiException(409, "Conflict", Messages.of("stall.notPending", id), List.of(FieldError.of("id", com.patrolplanner.i18n.Messages.of("stall.notPendingShort"))));
        }
        if (version != v.version) {
            throw ApiException.staleVersion("venue " + id, version, v.version);
        }
        return v;
    }

    private static String reason(String s, boolean required, List<FieldError> errors) {
        String r = s == null || s.isBlank() ? null : s.trim();
        if (r == null && required) {
            errors.add(FieldError.of("reason", com.patrolplanner.i18n.Messages.of("stall.rejectReason")));
        } else if (r != null && r.length() > 500) {
            errors.add(FieldError.of("reason", com.patrolplanner.i18n.Messages.of("common.maxChars", 500)));
        }
        return r;
    }

    /** The notes without the provisional mark ("现场检查新建的无证摊点，待规划员审核[：…]"); null when nothing is left. */
    static String stripMark(String notes) {
        if (notes == null) {
            return null;
        }
        String n = notes.startsWith(PROVISIONAL_NOTE) ? notes.substring(PROVISIONAL_NOTE.length()).replaceFirst("^：", "") : notes;
        return n.isBlank() ? null : n.trim();
    }

    private static StallView view(Venue v) {
        return new StallView(v.id, v.name, v.category, v.address, v.geom == null ? null : v.geom.getX(),
                v.geom == null ? null : v.geom.getY(), v.unitId, v.notes, v.geocodeStatus, v.status, v.version);
    }
}
