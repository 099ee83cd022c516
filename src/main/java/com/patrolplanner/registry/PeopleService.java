package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * Reads and writes of the inspector register (执法检查人员名录库) and of the teams officers patrol in. Every write, by the
 * API or by an import, leaves a field-level {@link ChangeHistory} row and an audit record (through
 * {@link RegistryService#history}) in the writing transaction.
 */
@ApplicationScoped
public class PeopleService {
    public static final String INSPECTOR = "inspector";
    public static final String TEAM = "team";

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;

    public record InspectorView(Long id, String name, String certificateNo, String unit, Long teamId, boolean active,
            boolean certified, int version, Long unitId) {
        static InspectorView of(Inspector i) {
            return new InspectorView(i.id, i.name, i.certificateNo, i.unit, i.teamId, i.active, i.certified(), i.version,
                    i.unitId);
        }
    }

    public record TeamView(Long id, String name, Double baseLon, Double baseLat, String baseAddress,
            List<InspectorView> members, int version, Long unitId) {
    }

    /** One inspector as an import file gives it (already validated), keyed by certificate number, else name + unit. */
    public record InspectorRow(String name, String certificateNo, String unit, Long teamId, boolean active,
            boolean synthetic) {
    }

    // ---------------------------------------------------------------- inspectors

    /**
     * The one unit predicate of teams and inspectors (JPQL on {@code unitId}): the caller's units, or TRUE for the city
     * scope. An officer or team of another unit is absent from lists and a 404 by id.
     */
    private String inScope() {
        Scope s = jurisdiction.scope();
        return s.all() ? "TRUE = TRUE" : s.units().isEmpty() ? "unitId = -1"
                : "unitId in (" + s.array().substring(1, s.array().length() - 1) + ")";
    }

    /** All inspectors of the caller's units by id, or those of {@code team} when given. */
    @Transactional
    public List<InspectorView> inspectors(Long team) {
        List<Inspector> l = team == null ? Inspector.list(inScope() + " order by id")
                : Inspector.list("teamId = ?1 and " + inScope() + " order by id", team);
        return l.stream().map(InspectorView::of).toList();
    }

    @Transactional
    public InspectorView inspector(long id) {
        return InspectorView.of(findInspector(id));
    }

    @Transactional
    public InspectorView createInspector(InspectorInput in, String user) {
        Inspector i = new Inspector();
        i.unitId = jurisdiction.placeIn(in.unitId(), "unitId");
        applyInspector(i, in);
        i.persist();
        em.flush();
        registry.history(INSPECTOR, i.id, "create", user, null, ChangeHistory.diff(Map.of(), snapshot(i)));
        return InspectorView.of(i);
    }

    @Transactional
    public InspectorView updateInspector(long id, InspectorInput in, String user) {
        Inspector i = findInspector(id);
        checkVersion("inspector " + id, in.version(), i.version);
        Map<String, Object> before = snapshot(i);
        if (in.unitId() != null) {
            i.unitId = jurisdiction.placeIn(in.unitId(), "unitId");
        }
        applyInspector(i, in);
        Changes changes = ChangeHistory.diff(before, snapshot(i));
        if (!changes.isEmpty()) {
            em.flush();
            registry.history(INSPECTOR, i.id, "update", user, null, changes);
        }
        return InspectorView.of(i);
    }

    @Transactional
    public void deleteInspector(long id, String user) {
        Inspector i = findInspector(id);
        registry.history(INSPECTOR, i.id, "delete", user, null, ChangeHistory.diff(snapshot(i), Map.of()));
        i.delete();
    }

    /**
     * Import path: insert, or update the inspector with the same certificate number (without one: the same name and
     * unit). Unchanged rows are not touched, so importing a file twice changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryService.Result<Inspector> upsertInspector(InspectorRow row, String user, String reason) {
        Inspector i = row.certificateNo() != null ? Inspector.find("certificateNo", row.certificateNo()).firstResult()
                : row.unit() == null
                        ? Inspector.find("certificateNo is null and name = ?1 and unit is null", row.name()).firstResult()
                        : Inspector.find("certificateNo is null and name = ?1 and unit = ?2", row.name(), row.unit())
                                .firstResult();
        boolean isNew = i == null;
        Map<String, Object> before = isNew ? Map.of() : snapshot(i);
        if (isNew) {
            i = new Inspector();
            i.unitId = jurisdiction.scope().unitId();
        } else if (!jurisdiction.scope().sees(i.unitId)) {
            throw ApiException.invalid("certificateNo", Messages.of("registry.inspectorOtherUnit", i.name,
                    jurisdiction.unitName(i.unitId)));
        }
        i.name = row.name();
        i.certificateNo = row.certificateNo();
        i.unit = row.unit();
        i.teamId = row.teamId();
        i.active = row.active();
        i.synthetic = row.synthetic();
        Changes changes = ChangeHistory.diff(before, snapshot(i));
        if (!isNew && changes.isEmpty()) {
            return new RegistryService.Result<>(i, RegistryService.Outcome.UNCHANGED);
        }
        if (isNew) {
            i.persist();
        }
        em.flush();
        registry.history(INSPECTOR, i.id, "import", user, reason, changes);
        return new RegistryService.Result<>(i, isNew ? RegistryService.Outcome.CREATED : RegistryService.Outcome.UPDATED);
    }

    private void applyInspector(Inspector i, InspectorInput in) {
        String cert = in.certificateNo() == null || in.certificateNo().isBlank() ? null : in.certificateNo().trim();
        if (cert != null && Inspector.count("certificateNo = ?1 and id <> ?2", cert, i.id == null ? -1L : i.id) > 0) {
            throw new ApiException(409, "Conflict", Messages.of("registry.certTaken", cert),
                    List.of(Problem.FieldError.of("certificateNo", Messages.of("registry.already"))));
        }
        if (in.teamId() != null && Team.count("id = ?1 and " + inScope(), in.teamId()) == 0) {
            throw ApiException.invalid("teamId", Messages.of("common.noTeam", in.teamId()));
        }
        i.name = in.name().trim();
        i.certificateNo = cert;
        i.unit = in.unit();
        i.teamId = in.teamId();
        i.active = in.active() == null || in.active();
    }

    static Map<String, Object> snapshot(Inspector i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name);
        m.put("certificateNo", i.certificateNo);
        m.put("unit", i.unit);
        m.put("teamId", i.teamId);
        m.put("active", i.active);
        m.put("synthetic", i.synthetic);
        m.put("unitId", i.unitId);
        return m;
    }

    private Inspector findInspector(long id) {
        Inspector i = Inspector.find("id = ?1 and " + inScope(), id).firstResult();
        if (i == null) {
            throw ApiException.notFound(Messages.of("noun.inspector", id));
        }
        return i;
    }

    // ---------------------------------------------------------------- teams

    /** The teams of the caller's units by id, or only {@code onlyTeam} when given (a team leader's view; -1 for none). */
    @Transactional
    public List<TeamView> teams(Long onlyTeam) {
        List<Team> teams = onlyTeam != null ? Team.list("id = ?1 and " + inScope(), onlyTeam)
                : Team.list(inScope() + " order by id");
        return teams.stream().map(PeopleService::view).toList();
    }

    @Transactional
    public TeamView team(long id) {
        return view(findTeam(id));
    }

    @Transactional
    public TeamView createTeam(TeamInput in, String user) {
        if (Team.count("name", in.name().trim()) > 0) {
            throw ApiException.conflict(Messages.of("registry.teamExists", in.name()));
        }
        Team t = new Team();
        t.unitId = jurisdiction.placeIn(in.unitId(), "unitId");
        applyTeam(t, in);
        t.persist();
        em.flush();
        registry.history(TEAM, t.id, "create", user, null, ChangeHistory.diff(Map.of(), snapshot(t)));
        return view(t);
    }

    @Transactional
    public TeamView updateTeam(long id, TeamInput in, String user) {
        Team t = findTeam(id);
        checkVersion("team " + id, in.version(), t.version);
        Map<String, Object> before = snapshot(t);
        if (in.unitId() != null) {
            t.unitId = jurisdiction.placeIn(in.unitId(), "unitId");
        }
        applyTeam(t, in);
        Changes changes = ChangeHistory.diff(before, snapshot(t));
        if (!changes.isEmpty()) {
            em.flush();
            registry.history(TEAM, t.id, "update", user, null, changes);
        }
        return view(t);
    }

    /** Deletes a team; its members stay in the register without a team (each such change recorded too). */
    @Transactional
    public void deleteTeam(long id, String user) {
        Team t = findTeam(id);
        for (Inspector i : Inspector.<Inspector>list("teamId = ?1 order by id", id)) {
            Map<String, Object> before = snapshot(i);
            i.teamId = null;
            registry.history(INSPECTOR, i.id, "update", user, "team " + t.name + " deleted",
                    ChangeHistory.diff(before, snapshot(i)));
        }
        em.flush();
        registry.history(TEAM, t.id, "delete", user, null, ChangeHistory.diff(snapshot(t), Map.of()));
        t.delete();
    }

    /**
     * Import path: the team of that name, created when missing. With a {@code base} (WGS-84) the team's base and base
     * address are set to it; without one they are left as they are. Unchanged teams are not touched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryService.Result<Team> upsertTeam(String name, Point base, String baseAddress, String user,
            String reason) {
        Team t = Team.find("name", name).firstResult();
        boolean isNew = t == null;
        Map<String, Object> before = isNew ? Map.of() : snapshot(t);
        if (isNew) {
            t = new Team();
            t.name = name;
            t.unitId = jurisdiction.scope().unitId();
        } else if (!jurisdiction.scope().sees(t.unitId)) {
            throw ApiException.invalid("team", Messages.of("registry.teamOtherUnit", name,
                    jurisdiction.unitName(t.unitId)));
        }
        if (base != null && (t.base == null || !t.base.equalsExact(base, 1e-9)
                || !Objects.equals(t.baseAddress, baseAddress))) {
            t.base = base;
            t.baseAddress = baseAddress;
        }
        Changes changes = ChangeHistory.diff(before, snapshot(t));
        if (!isNew && changes.isEmpty()) {
            return new RegistryService.Result<>(t, RegistryService.Outcome.UNCHANGED);
        }
        if (isNew) {
            t.persist();
        }
        em.flush();
        registry.history(TEAM, t.id, "import", user, reason, changes);
        return new RegistryService.Result<>(t, isNew ? RegistryService.Outcome.CREATED : RegistryService.Outcome.UPDATED);
    }

    private static void applyTeam(Team t, TeamInput in) {
        t.name = in.name().trim();
        if ((in.baseLon() == null) != (in.baseLat() == null)) {
            throw ApiException.invalid("baseLon", Messages.of("common.lonLatTogether"));
        }
        if (in.baseLon() != null) {
            try {
                RegistryService.checkLonLat(in.baseLon(), in.baseLat());
            } catch (ApiException e) {
                Problem.FieldError f = e.errors().get(0);
                throw ApiException.invalid(f.field().equals("lat") ? "baseLat" : "baseLon", f.reason());
            }
            t.base = GeoJson.point(in.baseLon(), in.baseLat());
        }
        t.baseAddress = in.baseAddress();
    }

    static Map<String, Object> snapshot(Team t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name);
        m.put("baseLon", t.base == null ? null : Math.round(t.base.getX() * 1e7) / 1e7);
        m.put("baseLat", t.base == null ? null : Math.round(t.base.getY() * 1e7) / 1e7);
        m.put("baseAddress", t.baseAddress);
        m.put("unitId", t.unitId);
        return m;
    }

    private static TeamView view(Team t) {
        List<InspectorView> members = Inspector.<Inspector>list("teamId = ?1 order by id", t.id).stream()
                .map(InspectorView::of).toList();
        return new TeamView(t.id, t.name, t.base == null ? null : t.base.getX(), t.base == null ? null : t.base.getY(),
                t.baseAddress, members, t.version, t.unitId);
    }

    private Team findTeam(long id) {
        Team t = Team.find("id = ?1 and " + inScope(), id).firstResult();
        if (t == null) {
            throw ApiException.notFound(Messages.of("noun.team", id));
        }
        return t;
    }

    private static void checkVersion(String what, Integer given, int current) {
        if (given == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (given != current) {
            throw ApiException.staleVersion(what, given, current);
        }
    }
}
