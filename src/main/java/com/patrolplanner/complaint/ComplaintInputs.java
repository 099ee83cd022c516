package com.patrolplanner.complaint;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Checks of the complaint capability's text, date and timestamp fields, each naming its field; and the 422 they add up to. */
final class ComplaintInputs {
    /** The longest free text of a complaint, a rule's basis or note. */
    static final int MAX_TEXT = 4000;

    private ComplaintInputs() {
    }

    static ApiException invalid(String what, List<FieldError> errors) {
        return ApiException.unprocessable(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason() : Messages.of("common.problemsIn", errors.size(), what), errors);
    }

    static String text(String s, String field, int max, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.length() > max) {
            errors.add(FieldError.of(field, Messages.of("common.maxChars", max)));
            return null;
        }
        return t;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A date (the day's start in Asia/Shanghai) or an ISO timestamp with offset. */
    static OffsetDateTime instant(String field, String s, List<FieldError> errors) {
        try {
            String t = s.trim();
            return t.length() <= 10 ? LocalDate.parse(t).atStartOfDay(BureauClock.ZONE).toOffsetDateTime() : OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, Messages.of("common.dateOrTimestampEx", "2026-12-01",
                    "2026-12-01T09:30:00+08:00")));
            return null;
        }
    }

    /** As {@link #instant}, a plain date meaning the end of that day. */
    static OffsetDateTime instantEnd(String field, String s, List<FieldError> errors) {
        String t = s.trim();
        if (t.length() <= 10) {
            try {
                return LocalDate.parse(t).plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime().minusSeconds(1);
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of(field, Messages.of("common.dateOrTimestamp", "2026-12-01")));
                return null;
            }
        }
        return instant(field, t, errors);
    }
}
