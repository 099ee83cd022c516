package com.patrolplanner.campaign.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which venues of the register a campaign targets. Every filter is optional; null means "any".
 *
 * @param categories venue category codes
 * @param zoneId a zone of an active zone set (zoning's {@code active_zone}); venues its geometry covers
 * @param statuses licence statuses; default open and unlicensed (the ones that can be found doing business)
 * @param nearSchool only venues inside compliance's school perimeter ({@code RuleService.schoolPerimeter}: 200 m
 *     from the campus of the school levels the rule protects), or with {@code false} only those outside it
 * @param minComplaints complaint count at least this
 * @param minDaysSinceInspection not inspected for at least this many days (never inspected counts as infinitely long)
 * @param venueIds explicit venues (a stake-out, a drawn list); combined with the other filters
 */
public record Targets(List<String> categories, Long zoneId, List<String> statuses, Boolean nearSchool,
        Integer minComplaints, Integer minDaysSinceInspection, List<Long> venueIds) {

    public static final List<String> DEFAULT_STATUSES = List.of("open", "unlicensed");

    public static Targets none() {
        return new Targets(null, null, null, null, null, null, null);
    }

    public List<String> effectiveStatuses() {
        return statuses == null || statuses.isEmpty() ? DEFAULT_STATUSES : statuses;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "categories", categories);
        put(m, "zoneId", zoneId);
        put(m, "statuses", statuses);
        put(m, "nearSchool", nearSchool);
        put(m, "minComplaints", minComplaints);
        put(m, "minDaysSinceInspection", minDaysSinceInspection);
        put(m, "venueIds", venueIds);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Targets fromMap(Map<String, Object> m) {
        if (m == null) {
            return none();
        }
        return new Targets((List<String>) m.get("categories"), asLong(m.get("zoneId")), (List<String>) m.get("statuses"),
                (Boolean) m.get("nearSchool"), asInt(m.get("minComplaints")), asInt(m.get("minDaysSinceInspection")),
                m.get("venueIds") == null ? null
                        : ((List<Object>) m.get("venueIds")).stream().map(Targets::asLong).toList());
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static Long asLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static Integer asInt(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
