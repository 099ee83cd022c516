package com.patrolplanner.security;

import com.patrolplanner.i18n.Lang;
import com.patrolplanner.i18n.Messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Issue #15: passwords have a minimum length and are refused when equal to the user name or on a list of common ones. */
class PasswordPolicyTest {
    @Test
    void tooShortIsRefused() {
        assertEquals("at least 10 characters", en(PasswordPolicy.problem("wang", "Xk9#tq2!a")));
        assertEquals("至少 10 个字符", Messages.text(PasswordPolicy.problem("wang", "Xk9#tq2!a"), Lang.ZH_CN));
        assertNull(PasswordPolicy.problem("wang", "Xk9#tq2!ab"));
        // ten Chinese characters are ten characters
        assertNull(PasswordPolicy.problem("wang", "巡查规划系统登录密码甲"));
    }

    @Test
    void theUserNameIsRefusedInAnyCaseAndBackwards() {
        assertNotNull(PasswordPolicy.problem("inspector01", "inspector01"));
        assertNotNull(PasswordPolicy.problem("inspector01", "INSPECTOR01"));
        assertNotNull(PasswordPolicy.problem("inspector01", "10rotcepsni"));
    }

    @Test
    void commonPasswordsAreRefused() {
        for (String p : new String[] {"1234567890", "Password123", "qwertyuiop", "administrator", "Admin12345", "aaaaaaaaaaaa",
                "ababababab"}) {
            assertNotNull(PasswordPolicy.problem("someone", p), p);
        }
    }

    @Test
    void moreThan72BytesIsRefused() {
        // bcrypt would silently ignore everything after byte 72
        assertNotNull(PasswordPolicy.problem("someone", "密".repeat(25)));
        assertNull(PasswordPolicy.problem("someone", "巡查规划系统".repeat(4)));
    }

    @Test
    void missingIsRefused() {
        assertEquals("required", en(PasswordPolicy.problem("someone", null)));
        assertEquals("required", en(PasswordPolicy.problem("someone", "")));
    }

    private static String en(String reference) {
        return Messages.text(reference, Lang.EN);
    }
}
