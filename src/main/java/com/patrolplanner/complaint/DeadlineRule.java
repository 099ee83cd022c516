package com.patrolplanner.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A named handling deadline of complaints (办理时限), one per stage: {@code accept} (decide to accept or decline),
 * {@code verify} (check on site), {@code reply} (close and answer the reporter), in calendar days from receipt. The
 * figures differ by province: an administrator edits them ({@code PUT /api/complaints/rules/{code}}); the basis and
 * the note say where each comes from and what is not confirmed. Seeded by migration V120:
 * {@value #ACCEPT}, {@value #VERIFY}, {@value #REPLY}.
 */
@Entity
@Table(name = "complaint_deadline_rule")
public class DeadlineRule extends PanacheEntityBase {
    public static final String ACCEPT = "COMPLAINT_ACCEPT_DEADLINE";
    public static final String VERIFY = "COMPLAINT_VERIFY_DEADLINE";
    public static final String REPLY = "COMPLAINT_REPLY_DEADLINE";
    /** Not a table rule: the deadline a planner set when dispatching (never later than the verify rule's). */
    public static final String DISPATCH = "DISPATCH_DEADLINE";

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
    @Version
    public int version;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static DeadlineRule ofStage(String stage) {
        return find("stage", stage).firstResult();
    }

    /** The deadline this rule sets for a complaint received at {@code receivedAt}. */
    public OffsetDateTime dueFrom(OffsetDateTime receivedAt) {
        return receivedAt.plusDays(days);
    }
}
