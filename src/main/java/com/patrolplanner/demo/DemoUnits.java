package com.patrolplanner.demo;

import com.patrolplanner.registry.District;
import com.patrolplanner.registry.Team;
import com.patrolplanner.registry.Unit;
import com.patrolplanner.registry.UnitService;
import com.patrolplanner.security.AppUser;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo's units (执法机构), once the Weifang outlines are in the district register: 潍坊市 (370700) over 奎文区
 * (370705) and 潍城区 (370702), each with its district outline as area, and the demo logins and teams placed in them
 * (奎文区: planner, leader1, leader2, manager; 潍城区: wc-*; the city: city-*; admin stays without unit), and the unit
 * administrators (单位管理员) kw-admin of 奎文区 and wc-admin of 潍城区, created here with their unit (password = user
 * name, as every demo login). Demo mode only, like the demo logins.
 */
@ApplicationScoped
public class DemoUnits {
    private static final Logger LOG = Logger.getLogger(DemoUnits.class);
    static final String CITY = "370700";
    static final String KUIWEN = "370705";
    static final String WEICHENG = "370702";
    static final Map<String, String> USERS = Map.of("planner", KUIWEN, "leader1", KUIWEN, "leader2", KUIWEN,
            "manager", KUIWEN, "wc-planner", WEICHENG, "wc-leader1", WEICHENG, "wc-manager", WEICHENG,
            "city-planner", CITY, "city-manager", CITY);

    @ConfigProperty(name = "patrol.seed.demo-users", defaultValue = "true")
    boolean enabled;
    @Inject
    UnitService units;

    @Transactional
    void onStart(@Observes @Priority(30) StartupEvent ev) {
        if (!enabled || District.byCode(KUIWEN) == null || District.byCode(WEICHENG) == null) {
            return;
        }
        Unit city = unit("潍坊市", CITY, Unit.CITY, null);
        Unit kw = unit("奎文区", KUIWEN, Unit.DISTRICT, city.id);
        Unit wc = unit("潍城区", WEICHENG, Unit.DISTRICT, city.id);
        Map<String, Long> ids = Map.of(CITY, city.id, KUIWEN, kw.id, WEICHENG, wc.id);
        for (String[] a : new String[][] {{"kw-admin", KUIWEN, "奎文管理员"}, {"wc-admin", WEICHENG, "潍城管理员"}}) {
            if (AppUser.findByUsername(a[0]) == null) {
                DemoUsers.user(a[0], com.patrolplanner.security.Roles.ADMIN, null, a[2]);
                AppUser.findByUsername(a[0]).unitId = ids.get(a[1]);
            }
        }
        USERS.forEach((name, code) -> {
            AppUser u = AppUser.findByUsername(name);
            if (u != null && u.unitId == null) {
                u.unitId = ids.get(code);
            }
        });
        for (String t : List.of(DemoUsers.TEAM_1, DemoUsers.TEAM_2, DemoUsers.WC_TEAM_1)) {
            Team team = Team.find("name", t).firstResult();
            if (team != null) {
                Team.update("update Team set unitId = ?1 where id = ?2 and unitId is null",
                        t.equals(DemoUsers.WC_TEAM_1) ? wc.id : kw.id, team.id);
            }
        }
        // the imported teams belong to the unit their base lies in, their officers to their team's unit
        Team.getEntityManager().createNativeQuery("UPDATE team t SET unit_id = unit_at(t.base, NULL) "
                + "WHERE t.unit_id IS NULL AND t.base IS NOT NULL").executeUpdate();
        Team.getEntityManager().createNativeQuery("UPDATE inspector i SET unit_id = t.unit_id FROM team t "
                + "WHERE t.id = i.team_id AND i.unit_id IS NULL AND t.unit_id IS NOT NULL").executeUpdate();
    }

    private Unit unit(String name, String adcode, String kind, Long parent) {
        Unit u = Unit.byAdcode(adcode);
        if (u == null) {
            u = units.create(new UnitService.UnitInput(name, parent, adcode, kind, null, null), "demo");
            LOG.infof("demo unit %s (%s) created", name, adcode);
        }
        return u;
    }
}
