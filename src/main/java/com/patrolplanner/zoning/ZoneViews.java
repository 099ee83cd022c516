package com.patrolplanner.zoning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import java.util.List;

/**
 * What {@link ZoneService} takes and answers: records, turned into JSON (and read from it) by the REST resources. The
 * geometries are GeoJSON ({@code JsonNode}, SRID 4326), as stored and drawn; a {@code version} is the optimistic lock a
 * client sends back (stale → 409). Field order is the JSON's.
 */
public final class ZoneViews {
    private ZoneViews() {
    }

    // ---------------------------------------------------------------- requests

    /**
     * A new zone set: a name, the district or a drawn polygon it covers, its zones (a FeatureCollection or an array of
     * features, each a polygon with {@code name} and {@code teamId} properties), free-form {@code params} kept with
     * it, and for a drawn polygon the unit it goes to (null: the caller's).
     */
    public record NewSet(String name, String district, JsonNode polygon, JsonNode zones, JsonNode params, Long unitId) {
        /** Reads the request body, checking first what needs no database (422 / 413 naming the field). */
        public static NewSet of(JsonNode body) {
            String name = ZoneJson.text(body, "name");
            if (name == null) {
                throw ApiException.invalid("name", Messages.of("error.required"));
            }
            String district = ZoneJson.text(body, "district");
            JsonNode polygon = body.get("polygon");
            JsonNode given = body.get("zones");
            if (given != null && !given.isNull() && !given.isArray() && !(given.has("features") && given.get("features").isArray())) {
                throw ApiException.invalid("zones", Messages.of("zone.collection"));
            }
            ZoneGeometry.checkRequestVertices(body, "zones");
            return new NewSet(name, district, polygon, given, body.has("params") ? body.get("params") : null,
                    body.hasNonNull("unitId") ? body.get("unitId").asLong() : null);
        }
    }

    /**
     * A hand-drawn zone of set {@code zoneSetId}; {@code clipToFreeSpace} cuts it back to the ground no other zone of the
     * set covers. {@code name} as sent (trimmed and checked by the service).
     */
    public record NewZone(long zoneSetId, JsonNode geometry, boolean clipToFreeSpace, String name, Long teamId) {
        public static NewZone of(JsonNode body) {
            if (body == null || !body.hasNonNull("zoneSetId")) {
                throw ApiException.invalid("zoneSetId", Messages.of("error.required"));
            }
            return new NewZone(body.get("zoneSetId").asLong(), body.get("geometry"), readClip(body),
                    rawText(body, "name"), readTeamId(body));
        }
    }

    /**
     * A change of a zone at {@code version} (required): what is non-null changes; {@code teamGiven} with a null
     * {@code teamId} takes the team away.
     */
    public record ZoneEdit(Long version, JsonNode geometry, boolean clipToFreeSpace, String name, boolean teamGiven,
            Long teamId) {
        public static ZoneEdit of(JsonNode body) {
            return new ZoneEdit(readVersion(body), body == null ? null : body.get("geometry"), body != null && readClip(body),
                    body == null || !body.hasNonNull("name") ? null : body.get("name").asText(),
                    body != null && body.has("teamId"), body == null ? null : readTeamId(body));
        }

        /** Only the version (a team change, a delete). */
        public static ZoneEdit at(Long version, Long teamId) {
            return new ZoneEdit(version, null, false, null, teamId != null, teamId);
        }
    }

    /** A split of a zone at {@code version} along {@code line} (a GeoJSON LineString or MultiLineString). */
    public record ZoneCut(Long version, JsonNode line) {
        public static ZoneCut of(JsonNode body) {
            return new ZoneCut(readVersion(body), body == null ? null : body.get("line"));
        }
    }

    /** Two adjacent zones of one set merged into {@code keep} (which takes {@code name}, as sent, when given). */
    public record ZoneMerge(long keep, long absorb, String name) {
        public static ZoneMerge of(JsonNode body) {
            JsonNode ids = body == null ? null : body.get("zoneIds");
            if (ids == null || !ids.isArray() || ids.size() != 2 || ids.get(0).asLong() == ids.get(1).asLong()) {
                throw ApiException.invalid("zoneIds", Messages.of("zone.twoIds"));
            }
            return new ZoneMerge(ids.get(0).asLong(), ids.get(1).asLong(), rawText(body, "name"));
        }
    }

    static Long readVersion(JsonNode body) {
        return body == null || !body.hasNonNull("version") ? null : body.get("version").asLong();
    }

    static Long readTeamId(JsonNode body) {
        return body.hasNonNull("teamId") ? body.get("teamId").asLong() : null;
    }

    static String rawText(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    static boolean readClip(JsonNode body) {
        return body.hasNonNull("clipToFreeSpace") && body.get("clipToFreeSpace").asBoolean();
    }

    // ---------------------------------------------------------------- answers

    /** A zone as a GeoJSON Feature. */
    public record Zone(String type, long id, JsonNode geometry, ZoneProperties properties) {
    }

    /** The properties of a zone's feature ({@code updatedAt} ISO-8601 UTC, {@code areaKm2} geodesic, 3 decimals). */
    public record ZoneProperties(long id, long zoneSetId, String name, Long teamId, String teamName, int version,
            String updatedAt, String updatedBy, double areaKm2, int parts) {
    }

    /** The zones of a set as a GeoJSON FeatureCollection. */
    public record ZoneCollection(String type, List<Zone> features) {
    }

    /** The part of a set's area no zone covers (m², one decimal); its geometry null when below the tolerance. */
    public record Uncovered(double uncoveredM2, JsonNode uncovered) {
    }

    /** A zone set in a list. */
    public record SetSummary(long id, String name, String district, boolean active, int version, String author,
            String createdAt, String updatedAt, String updatedBy, JsonNode params, int zoneCount) {
    }

    /** A zone set with its zones, area and what its zones leave uncovered. */
    public record ZoneSet(@JsonUnwrapped SetSummary summary, ZoneCollection zones, JsonNode boundary,
            @JsonUnwrapped Uncovered uncovered) {
    }

    /**
     * A changed zone with what the change did: {@code repair} (made valid, clipped: present only for a new geometry),
     * what the set leaves uncovered now, and the set's new version.
     */
    public record ZoneChange(Zone zone, @JsonInclude(JsonInclude.Include.NON_NULL) ObjectNode repair,
            @JsonUnwrapped Uncovered uncovered, int zoneSetVersion) {
    }

    /** The zones a split made (the cut zone first) and the set's new version. */
    public record ZoneSplit(List<Zone> zones, int zoneSetVersion) {
    }

    /** One saved version of a set ({@code zones}: how many it held). */
    public record SetVersion(int version, String action, String author, String changedAt, String detail, int zones) {
    }
}
