package com.patrolplanner.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;

/**
 * The JSON edge of the register inputs' typed fields: a request body's opening hours and campus are read into the
 * domain's types while the body is read, and a value that cannot be read is the same 422 naming the field that the
 * registry answered when it read the JSON itself ({@code web.ProblemMappers} answers the {@link ApiException} a reader
 * throws, not Jackson's wrapper around it).
 */
public final class InputJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InputJson() {
    }

    /** A reader of one typed field: the JSON value as a tree, then {@code read} (which answers 422 itself). */
    abstract static class FieldReader<T> extends StdDeserializer<T> {
        private final transient Function<JsonNode, T> read;

        FieldReader(Class<T> type, Function<JsonNode, T> read) {
            super(type);
            this.read = read;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read.apply(ctxt.readTree(p));
        }
    }

    /** {@code openingHours}: a text ("Mo-Fr 09:00-22:00; Sa,Su 09:00-02:00") or a weekday map; blank text is none. */
    public static final class Hours extends FieldReader<OpeningHours> {
        public Hours() {
            super(OpeningHours.class, InputJson::hours);
        }
    }

    /**
     * {@code campus}: a GeoJSON geometry, checked and bounded as {@link GeoJson#parse} checks it (every coordinate, at
     * most {@link GeoJson#MAX_VERTICES} positions), in the input's datum still.
     */
    public static final class Campus extends FieldReader<Geometry> {
        public Campus() {
            super(Geometry.class, InputJson::campus);
        }
    }

    /** Opening hours from their JSON value (see {@link Hours}); null for blank text; 422 naming openingHours. */
    public static OpeningHours hours(JsonNode n) {
        try {
            if (n.isTextual()) {
                return OpeningHours.parse(n.asText());
            }
            if (n.isObject()) {
                return OpeningHours.fromMap(MAPPER.convertValue(n, Map.class));
            }
            throw new IllegalArgumentException(Messages.of("registry.hoursShape"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("openingHours", e.getMessage().replaceFirst("^openingHours: ", ""));
        }
    }

    /** A campus from its GeoJSON geometry (see {@link Campus}); 422 naming campus. */
    public static Geometry campus(JsonNode n) {
        try {
            return GeoJson.parse(n, "campus");
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("campus", e.getMessage().replaceFirst("^campus: ", ""));
        }
    }
}
