package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rectification documents issued to a venue (责令整改通知书, 整改建议书), numbered per unit, kind and year
 * ({@code patrol.casework.document-number}, default {@code {prefix}〔{year}〕{seq}号}: 责改〔2026〕3号, 整改建议〔2026〕7号)
 * unless the form gives the number, with a deadline; the re-inspection (复查) names the later inspection of the venue and
 * whether the venue rectified. Every issue names two certified officers.
 */
@ApplicationScoped
public class DocumentService {
    public static final String HISTORY_TYPE = "issued_document";
    public static final Map<String, String[]> KINDS = Map.of(
            "rectification_notice", new String[] {"责令整改通知书", "责改"},
            "rectification_advice", new String[] {"整改建议书", "整改建议"});

    @Inject
    EntityManager em;
    @Inject
    CaseService cases;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Officers officers;
    @ConfigProperty(name = "patrol.casework.document-number", defaultValue = "{prefix}〔{year}〕{seq}号")
    String numberPattern;

    public record DocumentInput(String kind, String docNo, Long venueId, Long inspectionId, OffsetDateTime issuedAt,
            LocalDate deadline, String requirements, List<Long> officers) {
    }

    public record ReinspectionInput(Integer version, Long inspectionId, Boolean rectified, String note) {
    }

    public record DocumentView(long id, Long unitId, Long teamId, String kind, String kindName, String docNo, long venueId,
            String venueName, Long inspectionId, OffsetDateTime issuedAt, LocalDate deadline, String requirements,
            Long reinspectionId, OffsetDateTime reinspectedAt, Boolean rectified, boolean reinspectionDue, String createdBy,
            int version) {
    }

    @Transactional
    public DocumentView issue(DocumentInput in, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String kind = in.kind() == null ? null : in.kind().trim();
        if (kind != null) {
            for (Map.Entry<String, String[]> e : KINDS.entrySet()) {
                if (e.getValue()[0].equals(kind)) {
                    kind = e.getKey();
                }
            }
        }
        if (kind == null || !KINDS.containsKey(kind)) {
            errors.add(FieldError.of("kind", Messages.of("casework.docKind")));
        }
        Long venueId = in.venueId();
        Long teamId = actor.teamScoped() ? actor.teamId() : null;
        OffsetDateTime notBefore = null;
        if (in.inspectionId() != null) {
            Object[] i = cases.inspection(in.inspectionId(), actor);
            long v = ((Number) i[0]).longValue();
            if (venueId != null && venueId != v) {
                errors.add(FieldError.of("venueId", Messages.of("casework.notVenueOf", in.inspectionId())));
            }
            venueId = v;
            teamId = i[1] == null ? teamId : Long.valueOf(((Number) i[1]).longValue());
            notBefore = Rows.odt(i[3]).minusHours(12);
        }
        Venue venue = null;
        if (venueId == null) {
            errors.add(FieldError.of("venueId", Messages.of("casework.venueOrInspection")));
        } else {
            venue = registry.venue(venueId);
        }
        OffsetDateTime at = CaseService.when(in.issuedAt(), notBefore, "issuedAt", errors);
        LocalDate day = at.atZoneSameInstant(BureauClock.ZONE).toLocalDate();
        if (in.deadline() == null) {
            errors.add(FieldError.of("deadline", Messages.of("casework.deadlineRequired")));
        } else if (in.deadline().isBefore(day) || in.deadline().isAfter(day.plusDays(365))) {
            errors.add(FieldError.of("deadline", Messages.of("casework.deadlineRange")));
        }
        if (in.requirements() != null && in.requirements().length() > 2000) {
            errors.add(FieldError.of("requirements", Messages.of("common.maxChars", 2000)));
        }
        String no = in.docNo() == null || in.docNo().isBlank() ? null : in.docNo().trim();
        if (no != null && no.length() > 80) {
            errors.add(FieldError.of("docNo", Messages.of("common.maxChars", 80)));
        }
        List<Officers.Officer> os = officers.check(in.officers(), actor, errors);
        CaseService.failOn(errors, Messages.of("what.document"));
        if (no == null) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, 0x444f43L * 1_000_000 + (venue.unitId == null ? 0 : venue.unitId))
                    .getSingleResult();
            Number n = (Number) em.createNativeQuery("SELECT count(*) FROM issued_document WHERE unit_id IS NOT DISTINCT FROM ?1 AND kind = ?2 "
                    + "AND extract(year FROM issued_at AT TIME ZONE 'Asia/Shanghai') = ?3").setParameter(1, venue.unitId)
                    .setParameter(2, kind).setParameter(3, day.getYear()).getSingleResult();
            no = numberPattern.replace("{prefix}", KINDS.get(kind)[1]).replace("{year}", String.valueOf(day.getYear()))
                    .replace("{seq}", String.valueOf(n.longValue() + 1));
        }
        Number dup = (Number) em.createNativeQuery("SELECT count(*) FROM issued_document WHERE unit_id IS NOT DISTINCT FROM ?1 AND kind = ?2 AND doc_no = ?3")
                .setParameter(1, venue.unitId).setParameter(2, kind).setParameter(3, no).getSingleResult();
        if (dup.longValue() > 0) {
            throw new ApiException(409, "Conflict", Messages.of("casework.docNoTaken", no),
                    List.of(FieldError.of("docNo", Messages.of("casework.taken"))));
        }
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO issued_document (unit_id, team_id, kind, doc_no, venue_id, inspection_id, issued_at, deadline,
                    requirements, officer_ids, certificates, synthetic, created_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS bigint[]), CAST(?11 AS text[]), ?12, ?13) RETURNING id""")
                .setParameter(1, venue.unitId).setParameter(2, teamId).setParameter(3, kind).setParameter(4, no)
                .setParameter(5, venueId).setParameter(6, in.inspectionId()).setParameter(7, at).setParameter(8, in.deadline())
                .setParameter(9, in.requirements() == null || in.requirements().isBlank() ? null : in.requirements().trim())
                .setParameter(10, Officers.idArray(os)).setParameter(11, Officers.certArray(os))
                .setParameter(12, actor.name().startsWith("demo")).setParameter(13, actor.name()).getSingleResult()).longValue();
        DocumentView v = get(id, actor);
        Map<String, Object> snap = snapshot(v);
        snap.put("officers", os.stream().map(Officers.Officer::certificateNo).toList());
        registry.history(HISTORY_TYPE, id, "issue", actor.name(), null, ChangeHistory.diff(Map.of(), snap));
        return v;
    }

    /** The re-inspection (复查): a later inspection of the same venue, and whether it rectified. */
    @Transactional
    public DocumentView reinspect(long id, ReinspectionInput in, Actor actor) {
        em.createNativeQuery("SELECT id FROM issued_document WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList();
        DocumentView d = get(id, actor);
        if (in == null || in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != d.version()) {
            throw ApiException.staleVersion("document " + id, in.version(), d.version());
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.rectified() == null) {
            errors.add(FieldError.of("rectified", Messages.of("casework.rectifiedRequired")));
        }
        OffsetDateTime at = null;
        if (in.inspectionId() == null) {
            errors.add(FieldError.of("inspectionId", Messages.of("casework.reinspectionRequired")));
        } else {
            Object[] i = cases.inspection(in.inspectionId(), actor);
            at = Rows.odt(i[3]);
            if (((Number) i[0]).longValue() != d.venueId()) {
                errors.add(FieldError.of("inspectionId", Messages.of("casework.otherVenue")));
            } else if (!at.isAfter(d.issuedAt())) {
                errors.add(FieldError.of("inspectionId", Messages.of("casework.beforeIssued")));
            }
        }
        CaseService.failOn(errors, Messages.of("what.reinspection"));
        em.createNativeQuery("UPDATE issued_document SET reinspection_id = ?2, reinspected_at = ?3, rectified = ?4, "
                + "version = version + 1 WHERE id = ?1").setParameter(1, id).setParameter(2, in.inspectionId())
                .setParameter(3, at).setParameter(4, in.rectified()).executeUpdate();
        DocumentView after = get(id, actor);
        registry.history(HISTORY_TYPE, id, "reinspect", actor.name(), in.note(), ChangeHistory.diff(snapshot(d), snapshot(after)));
        return after;
    }

    private static Map<String, Object> snapshot(DocumentView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind());
        m.put("docNo", d.docNo());
        m.put("venueId", d.venueId());
        m.put("issuedAt", d.issuedAt().toString());
        m.put("deadline", d.deadline().toString());
        m.put("requirements", d.requirements());
        m.put("reinspectionId", d.reinspectionId());
        m.put("rectified", d.rectified());
        return m;
    }

    @Transactional
    public DocumentView get(long id, Actor actor) {
        return ListQuery.one(views("d.id = " + id, actor, 1, 0, "d.id"), Messages.of("noun.document", id));
    }

    /** Sortable fields of the document list ({@code sort}); the latest issued first unless asked otherwise. */
    public static final java.util.Map<String, String> SORT = ListQuery.sortFields("id", "d.id", "issuedAt", "d.issued_at",
            "deadline", "d.deadline", "docNo", "d.doc_no", "kind", "d.kind", "venueName", "v.name");
    public static final String DEFAULT_SORT = "-issuedAt";

    @Transactional
    public Page<DocumentView> list(String kind, Boolean due, LocalDate from, LocalDate to, int limit, int offset, String sort,
            Actor actor) {
        ListQuery.checkPage(limit, offset);
        StringBuilder w = new StringBuilder("TRUE");
        if (kind != null) {
            if (!KINDS.containsKey(kind.trim())) {
                throw ApiException.badRequest("kind", Messages.of("casework.docKindShort"));
            }
            w.append(" AND d.kind = '").append(kind.trim()).append("'");
        }
        if (Boolean.TRUE.equals(due)) {
            w.append(" AND d.reinspection_id IS NULL AND d.deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date");
        }
        w.append(ListQuery.period("d.issued_at", from, to));
        Number n = (Number) em.createNativeQuery("SELECT count(*) FROM issued_document d WHERE " + w + " AND " + scope(actor))
                .getSingleResult();
        List<DocumentView> items = views(w.toString(), actor, limit, offset,
                com.patrolplanner.web.Paging.orderBy(sort, DEFAULT_SORT, SORT, "d.id DESC"));
        return new Page<>(n.longValue(), items.size(), offset, items);
    }

    private String scope(Actor actor) {
        return ListQuery.scope(jurisdiction.scope(), "d", actor);
    }

    private List<DocumentView> views(String where, Actor actor, int limit, int offset, String order) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.unit_id, d.team_id, d.kind, d.doc_no, d.venue_id, v.name, "
                + "d.inspection_id, d.issued_at, d.deadline, d.requirements, d.reinspection_id, d.reinspected_at, d.rectified, "
                + "d.created_by, d.version FROM issued_document d JOIN venue v ON v.id = d.venue_id WHERE " + where + " AND "
                + scope(actor) + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset).getResultList();
        LocalDate today = BureauClock.today();
        List<DocumentView> out = new ArrayList<>();
        for (Object[] r : rows) {
            LocalDate deadline = com.patrolplanner.sql.Rows.localDate(r[9]);
            Long re = Rows.num(r[11]);
            out.add(new DocumentView(((Number) r[0]).longValue(), Rows.num(r[1]), Rows.num(r[2]), (String) r[3],
                    KINDS.get((String) r[3])[0], (String) r[4], ((Number) r[5]).longValue(), (String) r[6], Rows.num(r[7]),
                    Rows.odt(r[8]), deadline, (String) r[10], re, Rows.odt(r[12]), (Boolean) r[13],
                    re == null && today.isAfter(deadline), (String) r[14], ((Number) r[15]).intValue()));
        }
        return out;
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
