package com.patrolplanner.geocode.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geocode.Candidate;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The four providers, each reading its documented response format. */
public final class Providers {
    private Providers() {
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * 天地图 geocoder: {@code GET /geocoder?ds={"keyWord":"…"}&tk=KEY} →
     * {@code {"status":"0","msg":"ok","location":{"lon":…,"lat":…,"score":100,"level":"门址","keyWord":"…"}}}.
     * CGCS2000, taken as WGS-84 (under a metre apart).
     */
    public static final class Tianditu implements GeocodeProvider {
        @Override
        public String name() {
            return "tianditu";
        }

        @Override
        public Datum datum() {
            return Datum.CGCS2000;
        }

        @Override
        public URI uri(String base, String key, String address) {
            String ds = "{\"keyWord\":\"" + address.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            return URI.create(base + "?ds=" + enc(ds) + "&tk=" + enc(key));
        }

        @Override
        public List<Candidate> parse(JsonNode b) {
            String status = b.path("status").asText();
            if (!status.equals("0")) {
                if (status.equals("404") || status.equals("101")) {
                    return List.of();
                }
                throw new IllegalStateException("tianditu status " + status + ": " + b.path("msg").asText());
            }
            JsonNode loc = b.path("location");
            if (loc.isMissingNode() || loc.path("lon").isMissingNode()) {
                return List.of();
            }
            Candidate.Level level = GeocodeProvider.chineseLevel(loc.path("level").asText(null));
            double score = loc.path("score").asDouble(100) / 100.0;
            return List.of(GeocodeProvider.candidate(datum(), GeocodeProvider.text(loc.path("lon")),
                    GeocodeProvider.text(loc.path("lat")), level, GeocodeProvider.levelConfidence(level) * score,
                    loc.path("keyWord").asText(null), name()));
        }
    }

    /**
     * 高德 Web service {@code GET /v3/geocode/geo?address=…&key=KEY&output=JSON} →
     * {@code {"status":"1","info":"OK","count":"1","geocodes":[{"formatted_address":…,"location":"lon,lat","level":"门牌号",…}]}}.
     * GCJ-02.
     */
    public static final class Amap implements GeocodeProvider {
        @Override
        public String name() {
            return "amap";
        }

        @Override
        public Datum datum() {
            return Datum.GCJ02;
        }

        @Override
        public URI uri(String base, String key, String address) {
            return URI.create(base + "?address=" + enc(address) + "&key=" + enc(key) + "&output=JSON");
        }

        @Override
        public List<Candidate> parse(JsonNode b) {
            if (!b.path("status").asText().equals("1")) {
                throw new IllegalStateException("amap " + b.path("infocode").asText() + ": " + b.path("info").asText());
            }
            List<Candidate> out = new ArrayList<>();
            for (JsonNode g : b.path("geocodes")) {
                String[] ll = g.path("location").asText("").split(",");
                if (ll.length != 2) {
                    continue;
                }
                Candidate.Level level = GeocodeProvider.chineseLevel(g.path("level").asText(null));
                out.add(GeocodeProvider.candidate(datum(), Double.parseDouble(ll[0]), Double.parseDouble(ll[1]), level,
                        GeocodeProvider.levelConfidence(level), g.path("formatted_address").asText(null), name()));
            }
            return out;
        }
    }

    /**
     * 百度 {@code GET /geocoding/v3/?address=…&output=json&ak=KEY} →
     * {@code {"status":0,"result":{"location":{"lng":…,"lat":…},"precise":1,"confidence":80,"comprehension":100,"level":"门址"}}}.
     * BD-09 (the default ret_coordtype).
     */
    public static final class Baidu implements GeocodeProvider {
        @Override
        public String name() {
            return "baidu";
        }

        @Override
        public Datum datum() {
            return Datum.BD09;
        }

        @Override
        public URI uri(String base, String key, String address) {
            return URI.create(base + "?address=" + enc(address) + "&output=json&ak=" + enc(key));
        }

        @Override
        public List<Candidate> parse(JsonNode b) {
            int status = b.path("status").asInt(-1);
            if (status == 1) {
                return List.of(); // 服务器内部错误 / no result for this address
            }
            if (status != 0) {
                throw new IllegalStateException("baidu status " + status + ": " + b.path("message").asText(b.path("msg").asText()));
            }
            JsonNode r = b.path("result");
            JsonNode loc = r.path("location");
            if (loc.isMissingNode()) {
                return List.of();
            }
            Candidate.Level level = GeocodeProvider.chineseLevel(r.path("level").asText(null));
            if (level == Candidate.Level.point && r.path("precise").asInt(1) == 0) {
                level = Candidate.Level.street;
            }
            double comprehension = r.path("comprehension").asDouble(100) / 100.0;
            return List.of(GeocodeProvider.candidate(datum(), loc.path("lng").asDouble(), loc.path("lat").asDouble(), level,
                    GeocodeProvider.levelConfidence(level) * comprehension, r.path("level").asText(null), name()));
        }
    }

    /**
     * Nominatim {@code GET /search?q=…&format=jsonv2&limit=5} → {@code [{"lat":"…","lon":"…","display_name":…,
     * "category":…,"type":…,"place_rank":30,"importance":…}]}. WGS-84. No key; the "key" is sent as the {@code email}
     * parameter the usage policy asks for.
     */
    public static final class Nominatim implements GeocodeProvider {
        @Override
        public String name() {
            return "nominatim";
        }

        @Override
        public Datum datum() {
            return Datum.WGS84;
        }

        @Override
        public URI uri(String base, String key, String address) {
            return URI.create(base + "?q=" + enc(address) + "&format=jsonv2&limit=5"
                    + (key == null || key.isBlank() ? "" : "&email=" + enc(key)));
        }

        @Override
        public List<Candidate> parse(JsonNode b) {
            if (!b.isArray()) {
                throw new IllegalStateException("nominatim: " + b.path("error").asText("not an array"));
            }
            List<Candidate> out = new ArrayList<>();
            for (JsonNode p : b) {
                int rank = p.path("place_rank").asInt(p.path("type").asText().equals("house") ? 30 : 20);
                Candidate.Level level = rank >= 28 ? Candidate.Level.point : rank >= 26 ? Candidate.Level.street
                        : rank >= 17 ? Candidate.Level.place : rank >= 12 ? Candidate.Level.district : Candidate.Level.city;
                out.add(GeocodeProvider.candidate(datum(), GeocodeProvider.text(p.path("lon")), GeocodeProvider.text(p.path("lat")),
                        level, GeocodeProvider.levelConfidence(level), p.path("display_name").asText(null), name()));
            }
            return out;
        }
    }
}
