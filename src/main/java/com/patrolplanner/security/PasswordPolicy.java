package com.patrolplanner.security;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@link #MIN_LENGTH} characters, at most 72 bytes (bcrypt ignores the rest), not
 * the user name (in any case, forwards or backwards) and not one of the passwords every guessing list starts with.
 * Checked for every password a person chooses or an administrator sets; the demo logins of {@code ./planner run} are
 * seeded without it on purpose.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    /** Lower-case; a password equal to one of these (ignoring case) is refused. */
    static final Set<String> COMMON = Set.of("password", "password1", "password12", "password123", "password1234",
            "passw0rd", "p@ssw0rd", "p@ssword", "qwerty", "qwertyuiop", "qwerty123", "qwerty1234", "1q2w3e4r5t",
            "1qaz2wsx", "1qaz2wsx3edc", "zaq12wsx", "abc123", "abcd1234", "abc123456", "abcdefghij", "a123456789",
            "123456", "1234567", "12345678", "123456789", "1234567890", "0123456789", "12345678910", "0987654321",
            "9876543210", "1111111111", "0000000000", "1234512345", "123123123", "123321123", "5201314520", "1314520520",
            "woaini1314", "iloveyou", "iloveyou1", "admin", "admin123", "admin12345", "admin@123", "administrator",
            "root", "root123456", "letmein", "welcome", "welcome123", "changeme", "changeme123", "patrol", "patrolplanner",
            "planner", "planner123", "manager", "manager123", "leader1", "leader2", "test123456", "testtesttest");

    private PasswordPolicy() {
    }

    /** Null when {@code password} is acceptable for {@code username}, else why not (a message reference, for a 422 on field "password"). */
    public static String problem(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Messages.of("common.required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Messages.of("security.passwordMin", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Messages.of("security.passwordMaxBytes", MAX_BYTES);
        }
        String p = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank()) {
            String u = username.trim().toLowerCase(Locale.ROOT);
            if (p.equals(u) || p.equals(new StringBuilder(u).reverse().toString())) {
                return Messages.of("security.passwordIsName");
            }
        }
        if (COMMON.contains(p) || p.chars().distinct().count() <= 2) {
            return Messages.of("security.passwordCommon");
        }
        return null;
    }

    /** Throws a 422 problem naming {@code field} when the password is not acceptable. */
    public static void require(String field, String username, String password) {
        String why = problem(username, password);
        if (why != null) {
            throw ApiException.invalid(field, why);
        }
    }
}
