package com.patrolplanner.complaint;

/**
 * How a reporter's name and contact are shown to roles that may not read them (team leaders, managers): enough to tell
 * two reporters apart on the phone, not enough to reach one. A phone number keeps its first three and last four digits
 * ({@code 138****5678}); an e-mail its first letter and domain; any other text its first character.
 */
public final class Masking {
    private Masking() {
    }

    public static String contact(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        String digits = t.replaceAll("[^0-9]", "");
        int at = t.indexOf('@');
        if (at > 0) {
            return t.charAt(0) + "***" + t.substring(at);
        }
        if (digits.length() >= 7 && digits.length() >= t.replaceAll("[\\s()+-]", "").length()) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return t.charAt(0) + "***";
    }

    public static String name(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        return t.codePointCount(0, t.length()) <= 1 ? "*" : new String(Character.toChars(t.codePointAt(0))) + "**";
    }
}
