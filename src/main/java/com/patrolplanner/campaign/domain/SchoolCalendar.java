package com.patrolplanner.campaign.domain;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The school calendar the admin keeps (校历): a weekday is a school day unless marked {@code holiday}; a weekend day is
 * not, unless marked {@code school_day} (调休 make-up day). {@code exam} days (中考/高考) count as school days.
 */
@ApplicationScoped
public class SchoolCalendar {
    @jakarta.inject.Inject
    com.patrolplanner.audit.AuditService audit;
    public static final Set<String> KINDS = Set.of("holiday", "school_day", "exam");

    public record Day(LocalDate day, String kind, String name, String updatedBy) {
    }

    @Inject
    EntityManager em;

    public boolean isSchoolDay(LocalDate d) {
        String kind = kind(d);
        if (kind != null) {
            return !kind.equals("holiday");
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @SuppressWarnings("unchecked")
    public String kind(LocalDate d) {
        List<String> l = em.createNativeQuery("SELECT kind FROM school_calendar WHERE day = ?1").setParameter(1, d)
                .getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    @SuppressWarnings("unchecked")
    public List<Day> between(LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("SELECT day, kind, name, updated_by FROM school_calendar "
                + "WHERE day BETWEEN ?1 AND ?2 ORDER BY day").setParameter(1, from).setParameter(2, to).getResultList();
        List<Day> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Day(com.patrolplanner.sql.Rows.localDate(r[0]), (String) r[1], (String) r[2], (String) r[3]));
        }
        return out;
    }

    @Transactional
    public Day put(LocalDate day, String kind, String name, String user) {
        if (kind == null || !KINDS.contains(kind)) {
            throw ApiException.invalid("kind", com.patrolplanner.i18n.Messages.of("calendar.kindOneOf"));
        }
        em.createNativeQuery("""
                INSERT INTO school_calendar (day, kind, name, updated_by) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name,
                  updated_by = excluded.updated_by, updated_at = now()""")
                .setParameter(1, day).setParameter(2, kind).setParameter(3, name).setParameter(4, user).executeUpdate();
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("day", day.toString());
        details.put("kind", kind);
        details.put("name", name);
        audit.record(user, "put", "school_calendar", day.toString(), details);
        return new Day(day, kind, name, user);
    }

    @Transactional
    public void delete(LocalDate day, String user) {
        if (em.createNativeQuery("DELETE FROM school_calendar WHERE day = ?1").setParameter(1, day).executeUpdate() == 0) {
            throw ApiException.notFound(Messages.of("noun.calendarday", day));
        }
        audit.record(user, "delete", "school_calendar", day.toString(), java.util.Map.of("day", day.toString()));
    }
}
