package com.patrolplanner.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A login. The password is a bcrypt hash in modular crypt format; roles are comma-separated names from {@link com.patrolplanner.security.Roles}. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    public String password;

    public String roles;

    @Column(name = "team_id")
    public Long teamId;

    @Column(name = "display_name")
    public String displayName;

    public boolean active = true;

    /** Set when an administrator chose the password: until the user picks an own one, only /api/me answers. */
    @Column(name = "must_change_password")
    public boolean mustChangePassword;

    /** The bureau (unit, 执法机构) the user works for; null only for the system administrator, who sees every unit. */
    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static AppUser findByUsername(String username) {
        return find("username", username).firstResult();
    }

    public Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public static String hash(String clear) {
        return BcryptUtil.bcryptHash(clear, 10);
    }
}
