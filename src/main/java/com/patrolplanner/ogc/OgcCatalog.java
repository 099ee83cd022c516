package com.patrolplanner.ogc;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.ogc.CollectionSpec.PropertyFilter;
import com.patrolplanner.ogc.CollectionSpec.Source;
import com.patrolplanner.registry.SchoolLevel;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.registry.VenueStatus;
import com.patrolplanner.security.Roles;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collections served under {@code /ogc/collections}, each read from published relations only (registry's
 * {@code venue, school, district, team}, zoning's {@code active_zone}, inspection's {@code inspection}) or, for
 * {@code violations}, from compliance's service. Readers and writers are those of the matching REST endpoints.
 */
final class OgcCatalog {
    static final Set<String> EVERYONE = Set.of(Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN);
    static final Set<String> ANALYSTS = Set.of(Roles.PLANNER, Roles.MANAGER, Roles.ADMIN);
    static final Set<String> WRITERS = Set.of(Roles.PLANNER, Roles.ADMIN);
    /** Titles and descriptions are message references: zh-CN first, English by Accept-Language (ids never change). */
    static final String CGCS_NOTE = Messages.of("ogc.cgcsNote");

    private OgcCatalog() {
    }

    static Object categories(String v) {
        List<String> codes = new ArrayList<>();
        for (String c : v.split(",")) {
            try {
                codes.add(VenueCategory.parse(c).code);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("category", e.getMessage());
            }
        }
        return "{" + String.join(",", codes) + "}";
    }

    static Object status(String v) {
        try {
            return VenueStatus.parse(v).code;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", e.getMessage());
        }
    }

    static Object level(String v) {
        try {
            return SchoolLevel.parse(v).code;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("level", e.getMessage());
        }
    }

    static java.util.function.Function<String, Object> adcode(String param) {
        return v -> {
            if (!v.trim().matches("\\d{6,12}")) {
                throw ApiException.badRequest(param, Messages.of("registry.adcode"));
            }
            return v.trim();
        };
    }

    static java.util.function.Function<String, Object> number(String param) {
        return v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(param, Messages.of("common.notWholeValue", v));
            }
        };
    }

    static java.util.function.Function<String, Object> oneOf(String param, Set<String> allowed) {
        return v -> {
            if (!allowed.contains(v.trim())) {
                throw ApiException.badRequest(param, Messages.of("common.oneOf", new java.util.TreeSet<>(allowed)));
            }
            return v.trim();
        };
    }

    static Map<String, PropertyFilter> filters(Object... nameSqlParse) {
        Map<String, PropertyFilter> m = new LinkedHashMap<>();
        for (int i = 0; i < nameSqlParse.length; i += 3) {
            @SuppressWarnings("unchecked")
            java.util.function.Function<String, Object> f = (java.util.function.Function<String, Object>) nameSqlParse[i + 2];
            m.put((String) nameSqlParse[i], new PropertyFilter((String) nameSqlParse[i + 1], f));
        }
        return m;
    }

    static final CollectionSpec VENUES = new CollectionSpec("venues", Messages.of("ogc.venues.title"),
            Messages.of("ogc.venues.description") + CGCS_NOTE,
            Source.SQL, "venue v", "v.id", true, "v.geom", """
            json_build_object('licenceNo',v.licence_no,'name',v.name,'category',v.category,'address',v.address,
              'status',v.status,'capacity',v.capacity,'complaintCount',v.complaint_count,'openingHours',v.opening_hours,
              'notes',v.notes,'district',v.district_code,'geocodeStatus',v.geocode_status,'sourceDatum',v.source_datum,
              'synthetic',v.synthetic,'version',v.version,'updatedAt',v.updated_at)""", "v.version", null,
            filters("category", "v.category = ANY(CAST(? AS text[]))", (java.util.function.Function<String, Object>) OgcCatalog::categories,
                    "status", "v.status = ?", (java.util.function.Function<String, Object>) OgcCatalog::status,
                    "district", "v.district_code = ?", adcode("district")),
            EVERYONE, true, null);

    static final CollectionSpec SCHOOLS = new CollectionSpec("schools", Messages.of("ogc.schools.title"),
            Messages.of("ogc.schools.description") + CGCS_NOTE,
            Source.SQL, "school s", "s.id", true, "coalesce(s.campus::geometry, s.geom)", """
            json_build_object('name',s.name,'level',s.level,'address',s.address,'district',s.district_code,
              'hasCampus',s.campus IS NOT NULL,
              'campusAreaM2',CASE WHEN s.campus IS NULL THEN NULL ELSE round(ST_Area(s.campus::geography)::numeric, 1) END,
              'geocodeStatus',s.geocode_status,'sourceDatum',s.source_datum,'synthetic',s.synthetic,'version',s.version,
              'updatedAt',s.updated_at)""", "s.version", null,
            filters("level", "s.level = ?", (java.util.function.Function<String, Object>) OgcCatalog::level,
                    "district", "s.district_code = ?", adcode("district")),
            EVERYONE, true, null);

    static final CollectionSpec DISTRICTS = new CollectionSpec("districts", Messages.of("ogc.districts.title"),
            Messages.of("ogc.districts.description") + CGCS_NOTE,
            Source.SQL, "district d", "d.adcode", false, "d.geom", """
            json_build_object('adcode',d.adcode,'name',d.name,'level',d.level,'parent',d.parent_code,
              'areaKm2',round((ST_Area(d.geom::geography)/1e6)::numeric, 2),'sourceDatum',d.source_datum,
              'attribution',d.attribution)""", null, null,
            filters("level", "d.level = ?", oneOf("level", Set.of("province", "city", "district", "street")),
                    "district", "d.parent_code = ?", adcode("district")),
            EVERYONE, false, null);

    static final CollectionSpec ZONES = new CollectionSpec("zones", Messages.of("ogc.zones.title"),
            Messages.of("ogc.zones.description") + CGCS_NOTE,
            Source.SQL, "active_zone z LEFT JOIN team t ON t.id = z.team_id", "z.id", true, "z.geom", """
            json_build_object('name',z.name,'district',z.district_code,'teamId',z.team_id,'team',t.name,
              'zoneSetId',z.zone_set_id)""", null, null,
            filters("district", "z.district_code = ?", adcode("district"),
                    "team", "z.team_id = ?", number("team")),
            EVERYONE, false, null);

    static final CollectionSpec INSPECTIONS = new CollectionSpec("inspections", Messages.of("ogc.inspections.title"),
            Messages.of("ogc.inspections.description") + CGCS_NOTE,
            Source.SQL, "inspection i JOIN venue v ON v.id = i.venue_id LEFT JOIN team t ON t.id = i.team_id", "i.id", true,
            "coalesce(i.geom, v.geom)", """
            json_build_object('venueId',i.venue_id,'venueName',v.name,'category',i.category,'district',i.district_code,
              'teamId',i.team_id,'team',t.name,'inspectedAt',i.inspected_at,
              'date',(i.inspected_at AT TIME ZONE '%s')::date,'outcome',i.outcome,
              'violationCount',i.violation_count,'officerCount',i.officer_count,'version',i.version)""".formatted(
                    BureauClock.ZONE.getId()), null,
            "i.inspected_at",
            filters("category", "i.category = ANY(CAST(? AS text[]))", (java.util.function.Function<String, Object>) OgcCatalog::categories,
                    "district", "i.district_code = ?", adcode("district"),
                    "outcome", "i.outcome = ?", oneOf("outcome",
                            Set.of("compliant", "violation", "not_operating", "refused_entry", "not_found")),
                    "team", "i.team_id = ?", number("team"),
                    "venue", "i.venue_id = ?", number("venue")),
            EVERYONE, false, "i.team_id");

    static final CollectionSpec VIOLATIONS = new CollectionSpec("violations", Messages.of("ogc.violations.title"),
            Messages.of("ogc.violations.description") + CGCS_NOTE,
            Source.VIOLATIONS, null, null, false, null, null, null, null,
            filters("category", null, (java.util.function.Function<String, Object>) v -> {
                try {
                    return VenueCategory.parse(v).code;
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("category", e.getMessage());
                }
            },
                    "district", null, adcode("district"),
                    "rule", null, (java.util.function.Function<String, Object>) v -> v.trim()),
            ANALYSTS, false, null);

    static final List<CollectionSpec> ALL = List.of(VENUES, SCHOOLS, DISTRICTS, ZONES, INSPECTIONS, VIOLATIONS);

    static CollectionSpec find(String id) {
        for (CollectionSpec c : ALL) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw ApiException.notFound(Messages.of("noun.collection", id));
    }
}
