package com.patrolplanner.campaign.domain;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A campaign (检查行动): what to check, when, by which teams. Teams are rows of {@code campaign_team}. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    /** Name of {@link CampaignType}. */
    public String type;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    /** See {@link Targets}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> targets;
    /**
     * Venues added as high-priority targets from outside the target filters (a complaint to check): venue id (as text)
     * → why (e.g. {@code complaint:12}). Planned whatever the filters and the draw say, with {@link #PRIORITY_BONUS}.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "priority_venues")
    public Map<String, Object> priorityVenues = new java.util.LinkedHashMap<>();

    /** Priority added to a venue in {@link #priorityVenues} (more than any venue's priority from the register facts). */
    public static final int PRIORITY_BONUS = 200;

    /** Explicit windows ({name, from, to, categories, days}); null = the type's defaults. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> windows;
    @Column(name = "stakeout_venue_id")
    public Long stakeoutVenueId;
    @Column(name = "shift_start")
    public String shiftStart;
    @Column(name = "shift_end")
    public String shiftEnd;
    /** Night-sweep simultaneous strike: all visits in a zone start within this many minutes. */
    @Column(name = "strike_minutes")
    public Integer strikeMinutes;
    /** Name of {@link com.patrolplanner.campaign.travel.TravelKind}: great-circle (default) or road network. */
    public String travel = "GREAT_CIRCLE";
    public String status = "draft";
    @Column(name = "created_by")
    public String createdBy;
    /** The unit (执法机构) the campaign belongs to; a joint campaign's teams may come from the units below it. */
    @Column(name = "unit_id")
    public Long unitId;
    @Version
    public int version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The campaign with this id; 404 when there is none. */
    public static Campaign require(long id) {
        Campaign c = findById(id);
        if (c == null) {
            throw ApiException.notFound(Messages.of("noun.campaign", id));
        }
        return c;
    }

    public CampaignType campaignType() {
        return CampaignType.valueOf(type);
    }

    /** The ids of the campaign's teams (rows of {@code campaign_team}), ascending: the k-th is team slot k. */
    @SuppressWarnings("unchecked")
    public List<Long> teamIds() {
        List<Number> l = getEntityManager()
                .createNativeQuery("SELECT team_id FROM campaign_team WHERE campaign_id = ?1 ORDER BY team_id")
                .setParameter(1, id).getResultList();
        return l.stream().map(Number::longValue).toList();
    }

    /** The windows in force: the campaign's own, else the type's defaults. */
    @SuppressWarnings("unchecked")
    public List<TimeWindowRule> windowsInForce() {
        if (windows == null || windows.isEmpty()) {
            return TimeWindowRule.defaults(campaignType());
        }
        List<TimeWindowRule> out = new ArrayList<>();
        for (Map<String, Object> w : windows) {
            out.add(new TimeWindowRule((String) w.get("name"), ((Number) w.get("from")).intValue(),
                    ((Number) w.get("to")).intValue(), Set.copyOf((List<String>) w.getOrDefault("categories", List.of())),
                    DayKind.valueOf((String) w.getOrDefault("days", "ANY")), "由执法科室设定 (set by the planner)"));
        }
        return out;
    }

    /** The teams' shift on the plan day: [start, end] minutes from its midnight (start &lt; 0: the evening before). */
    public int[] shift() {
        int[] d = TimeWindowRule.defaultShift(campaignType());
        int start = shiftStart == null ? d[0] : Clock.parse(shiftStart);
        int end = shiftEnd == null ? d[1] : Clock.parse(shiftEnd);
        if (shiftStart != null && start >= end) {
            start -= 1440;
        }
        return new int[] {start, end};
    }
}
