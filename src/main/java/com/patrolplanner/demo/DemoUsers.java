package com.patrolplanner.demo;

import com.patrolplanner.registry.Team;
import com.patrolplanner.security.AppUser;
import com.patrolplanner.security.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the demo logins once (planner, leader1 of team 1, leader2 of team 2, manager of 奎文区; wc-planner, wc-leader1,
 * wc-manager of 潍城区; city-planner, city-manager of the city; admin; password = user name) and the teams the leaders
 * lead. The unit administrators kw-admin and wc-admin come with their units ({@link DemoUnits}): an administrator
 * without a unit would be a system administrator. Off in production: set {@code patrol.seed.demo-users=false}.
 */
@ApplicationScoped
public class DemoUsers {
    private static final Logger LOG = Logger.getLogger(DemoUsers.class);
    public static final String TEAM_1 = "执法一组";
    public static final String TEAM_2 = "执法二组";
    public static final String WC_TEAM_1 = "潍城执法一组";

    @ConfigProperty(name = "patrol.seed.demo-users", defaultValue = "false")
    boolean enabled;

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent ev) {
        if (!enabled) {
            return;
        }
        Team t1 = team(TEAM_1);
        Team t2 = team(TEAM_2);
        user("planner", Roles.PLANNER, null, "规划员");
        user("leader1", Roles.TEAM_LEADER, t1.id, "一组组长");
        user("leader2", Roles.TEAM_LEADER, t2.id, "二组组长");
        user("manager", Roles.MANAGER, null, "局领导");
        user("admin", Roles.ADMIN, null, "管理员");
        // 潍城区 and the city (issue 14); their units are set by DemoUnits once the outlines are loaded
        Team wc1 = team(WC_TEAM_1);
        user("wc-planner", Roles.PLANNER, null, "潍城规划员");
        user("wc-leader1", Roles.TEAM_LEADER, wc1.id, "潍城一组组长");
        user("wc-manager", Roles.MANAGER, null, "潍城局领导");
        user("city-planner", Roles.PLANNER, null, "市局规划员");
        user("city-manager", Roles.MANAGER, null, "市局领导");
    }

    private static Team team(String name) {
        Team t = Team.find("name", name).firstResult();
        if (t == null) {
            t = new Team();
            t.name = name;
            t.persist();
        }
        return t;
    }

    static void user(String name, String role, Long teamId, String display) {
        if (AppUser.findByUsername(name) != null) {
            return;
        }
        AppUser u = new AppUser();
        u.username = name;
        u.password = AppUser.hash(name);
        u.roles = role;
        u.teamId = teamId;
        u.displayName = display;
        u.persist();
        LOG.infof("demo user %s (%s) created", name, role);
    }
}
