package com.patrolplanner.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import com.patrolplanner.time.BureauClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A named handling deadline of complaints (办理时限), one per stage: {@code accept} (decide to accept or decline),
 * {@code verify} (check on site), {@code reply} (close and answer the reporter), counted from receipt in
 * {@code counting} days: {@value #CALENDAR} (自然日: the same clock time {@code days} later) or {@value #WORKING}
 * (工作日 of {@link WorkCalendar}: the day of receipt not counted, due at the end of the {@code days}-th working day),
 * each with {@code countingBasis} saying why. The figures differ by province: an administrator edits them
 * ({@code PUT /api/complaints/rules/{code}}); the basis and the note say where each comes from and what is not
 * confirmed. Seeded by migrations V120 and V220: {@value #ACCEPT} (5 working days), {@value #VERIFY} (15 calendar days),
 * {@value #REPLY} (30 calendar days).
 */
@Entity
@Table(name = "complaint_deadline_rule")
public class DeadlineRule extends PanacheEntityBase {
    public static final String ACCEPT = "COMPLAINT_ACCEPT_DEADLINE";
    public static final String VERIFY = "COMPLAINT_VERIFY_DEADLINE";
    public static final String REPLY = "COMPLAINT_REPLY_DEADLINE";
    /** Not a table rule: the deadline a planner set when dispatching (never later than the verify rule's). */
    public static final String DISPATCH = "DISPATCH_DEADLINE";
    public static final String CALENDAR = "calendar";
    public static final String WORKING = "working";

    @Id
    public String code;
    public String stage;
    public int days;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    public String basis;
    public String note;
    /** {@value #CALENDAR} or {@value #WORKING}. */
    public String counting;
    @Column(name = "counting_basis")
    public String countingBasis;
    @Version
    public int version;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static DeadlineRule ofStage(String stage) {
        return find("stage", stage).firstResult();
    }

    /**
     * The deadline this rule sets for a complaint received at {@code receivedAt}: calendar days, the same clock time
     * {@code days} days later; working days, 24:00 (the last second) of the {@code days}-th working day after the day of
     * receipt in the bureau's calendar (the day of receipt is not counted: 《民法典》第二百零一条).
     */
    public OffsetDateTime dueFrom(OffsetDateTime receivedAt, WorkCalendar calendar) {
        if (!WORKING.equals(counting)) {
            return receivedAt.plusDays(days);
        }
        LocalDate received = receivedAt.atZoneSameInstant(BureauClock.ZONE).toLocalDate();
        return calendar.plusWorkingDays(received, days).plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime()
                .minusSeconds(1);
    }
}
