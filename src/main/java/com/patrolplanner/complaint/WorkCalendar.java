package com.patrolplanner.complaint;

import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working-day calendar of the complaint deadlines (工作日): Monday to Friday are working days and Saturday and Sunday
 * are not, except the days listed in table {@code work_calendar}: a {@code holiday} (法定节假日 and the rest days of the
 * State Council's 放假调休 notice) is no working day, a {@code workday} (调休上班, a weekend day worked) is one. The table
 * is data an administrator keeps from the published notice; the migration seeds only the fixed-date holidays (see
 * {@code V220__complaint_working_days.sql} for what is and is not seeded, and why).
 */
@ApplicationScoped
public class WorkCalendar {
    public static final String HOLIDAY = "holiday";
    public static final String WORKDAY = "workday";
    /** A count of working days never looks further than this (a calendar marking years of holidays is a data error). */
    static final int MAX_SPAN_DAYS = 3 * 366;

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;

    public record Day(LocalDate day, String kind, String name, String basis, String updatedBy, OffsetDateTime updatedAt) {
    }

    public record DayInput(String kind, String name, String basis) {
    }

    /** The {@code n}-th working day after {@code from} ({@code from} itself not counted); {@code n} ≥ 0. */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        return plusWorkingDays(from, n, kinds(from.plusDays(1), from.plusDays(MAX_SPAN_DAYS)));
    }

    /** The rule itself, on a given set of listed days (day → holiday | workday). */
    static LocalDate plusWorkingDays(LocalDate from, int n, Map<LocalDate, String> listed) {
        LocalDate d = from;
        int left = n;
        int guard = 0;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d, listed)) {
                left--;
            }
            if (++guard > MAX_SPAN_DAYS) {
                throw new IllegalStateException("no " + n + " working days within " + MAX_SPAN_DAYS + " days of " + from);
            }
        }
        return d;
    }

    static boolean isWorkingDay(LocalDate d, Map<LocalDate, String> listed) {
        String k = listed.get(d);
        if (k != null) {
            return WORKDAY.equals(k);
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @SuppressWarnings("unchecked")
    Map<LocalDate, String> kinds(LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("SELECT day, kind FROM work_calendar WHERE day BETWEEN ?1 AND ?2")
                .setParameter(1, from).setParameter(2, to).getResultList();
        Map<LocalDate, String> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put(date(r[0]), (String) r[1]);
        }
        return out;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Day> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.badRequest("to", com.patrolplanner.i18n.Messages.of("calendar.toBeforeFrom"));
        }
        if (to.isAfter(from.plusDays(MAX_SPAN_DAYS))) {
            throw ApiException.badRequest("to", com.patrolplanner.i18n.Messages.of("calendar.spanTooLong", MAX_SPAN_DAYS));
        }
        List<Object[]> rows = em.createNativeQuery("SELECT day, kind, name, basis, updated_by, updated_at FROM work_calendar "
                + "WHERE day BETWEEN ?1 AND ?2 ORDER BY day").setParameter(1, from).setParameter(2, to).getResultList();
        List<Day> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Day(date(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4], odt(r[5])));
        }
        return out;
    }

    /**
     * An administrator lists a day (from the State Council's notice): {@code holiday} or {@code workday}, its name and
     * basis. Deadlines already set keep their date (see {@link DeadlineRules#updateRule}); new ones count the new day.
     */
    @Transactional
    public Day put(LocalDate day, DayInput in, String user) {
        List<FieldError> errors = new ArrayList<>();
        if (day.getYear() < 2000 || day.getYear() > 2100) {
            errors.add(FieldError.of("day", com.patrolplanner.i18n.Messages.of("calendar.yearRange")));
        }
        String kind = in == null || in.kind() == null ? "" : in.kind().trim();
        if (!HOLIDAY.equals(kind) && !WORKDAY.equals(kind)) {
            errors.add(FieldError.of("kind", com.patrolplanner.i18n.Messages.of("calendar.kindValues")));
        }
        String name = ComplaintInputs.text(in == null ? null : in.name(), "name", 100, errors);
        if (name == null) {
            errors.add(FieldError.of("name", com.patrolplanner.i18n.Messages.of("calendar.nameRequired")));
        }
        String basis = ComplaintInputs.text(in == null ? null : in.basis(), "basis", 500, errors);
        if (basis == null) {
            errors.add(FieldError.of("basis", com.patrolplanner.i18n.Messages.of("calendar.basisRequired")));
        }
        if (!errors.isEmpty()) {
            throw ComplaintInputs.invalid("calendar day", errors);
        }
        Map<String, Object> before = snapshot(day);
        em.createNativeQuery("""
                INSERT INTO work_calendar (day, kind, name, basis, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, now())
                ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, basis = excluded.basis,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .setParameter(1, day).setParameter(2, kind).setParameter(3, name).setParameter(4, basis).setParameter(5, user)
                .executeUpdate();
        registry.history(HISTORY_TYPE, day.toEpochDay(), before.isEmpty() ? "create" : "update", user, day.toString(),
                ChangeHistory.diff(before, snapshot(day)));
        return between(day, day).get(0);
    }

    /** Removes a listed day (it counts by its weekday again); 404 when it is not listed. */
    @Transactional
    public void delete(LocalDate day, String user) {
        Map<String, Object> before = snapshot(day);
        if (before.isEmpty()) {
            throw ApiException.notFound(com.patrolplanner.i18n.Messages.of("calendar.noDay", day.toString()));
        }
        em.createNativeQuery("DELETE FROM work_calendar WHERE day = ?1").setParameter(1, day).executeUpdate();
        registry.history(HISTORY_TYPE, day.toEpochDay(), "delete", user, day.toString(), ChangeHistory.diff(before, Map.of()));
    }

    static final String HISTORY_TYPE = "work_calendar";

    @SuppressWarnings("unchecked")
    private Map<String, Object> snapshot(LocalDate day) {
        List<Object[]> rows = em.createNativeQuery("SELECT kind, name, basis FROM work_calendar WHERE day = ?1")
                .setParameter(1, day).getResultList();
        Map<String, Object> m = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            m.put("kind", rows.get(0)[0]);
            m.put("name", rows.get(0)[1]);
            m.put("basis", rows.get(0)[2]);
        }
        return m;
    }

    private static LocalDate date(Object o) {
        return com.patrolplanner.sql.Rows.localDate(o);
    }

    private static OffsetDateTime odt(Object o) {
        return com.patrolplanner.sql.Rows.utc(o);
    }
}
