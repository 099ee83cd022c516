package com.patrolplanner.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.locationtech.jts.geom.Point;

/**
 * One complaint (举报投诉): where it came from, what it is about (a registered venue, an address, a point), the
 * reporter (kept, shown masked to all but planners and administrators, never exported), and how it is handled
 * ({@link ComplaintState}). {@code dueAt} is the deadline of the current stage and {@code dueRule} the rule that set it
 * ({@link DeadlineRule}, or {@code DISPATCH_DEADLINE} when the planner set one at dispatch).
 */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {
    /** The entity type of a complaint's change history and audit records. */
    public static final String HISTORY_TYPE = "complaint";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "unit_id")
    public Long unitId;
    public String source;
    @Column(name = "referred_by")
    public String referredBy;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "venue_id")
    public Long venueId;
    public String address;
    public Point geom;
    @Column(name = "geocode_level")
    public String geocodeLevel;
    public String category;
    public String content;
    @Column(name = "reporter_name")
    public String reporterName;
    @Column(name = "reporter_contact")
    public String reporterContact;
    public String state = "received";
    @Column(name = "decline_reason")
    public String declineReason;
    @Column(name = "team_id")
    public Long teamId;
    public OffsetDateTime deadline;
    @Column(name = "due_at")
    public OffsetDateTime dueAt;
    @Column(name = "due_rule")
    public String dueRule;
    @Column(name = "inspection_id")
    public Long inspectionId;
    @Column(name = "campaign_id")
    public Long campaignId;
    @Column(name = "plan_stop_id")
    public Long planStopId;
    public String result;
    public String reply;
    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;
    @Column(name = "dispatched_at")
    public OffsetDateTime dispatchedAt;
    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "closed_on_time")
    public Boolean closedOnTime;
    public boolean synthetic;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;

    public ComplaintState stateEnum() {
        return ComplaintState.parse(state);
    }
}
