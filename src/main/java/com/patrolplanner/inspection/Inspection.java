package com.patrolplanner.inspection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/**
 * One inspection of one venue (检查记录). The venue's position, category and district are copied in when the record is
 * written, so that the period report describes where and what the venue was at the time of the check.
 */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "venue_id")
    public Long venueId;
    @Column(name = "team_id")
    public Long teamId;
    @Column(name = "inspected_at")
    public OffsetDateTime inspectedAt;
    /** Code of {@link Outcome}. */
    public String outcome;
    /** Codes of {@link ViolationItem}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] violations = new String[0];
    @Column(name = "violation_count")
    public int violationCount;
    /** Codes of {@link EnforcementAction}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] actions = new String[0];
    /** Counts by {@link SeizedKind} code. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> seized;
    @Column(name = "officer_count")
    public int officerCount;
    public String notes;
    @Column(name = "campaign_visit_id")
    public Long campaignVisitId;
    public Point geom;
    public String category;
    @Column(name = "district_code")
    public String districtCode;
    public boolean synthetic;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;
}
