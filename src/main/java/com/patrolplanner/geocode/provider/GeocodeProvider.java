package com.patrolplanner.geocode.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geocode.Candidate;
import java.net.URI;
import java.util.List;

/**
 * One online geocoding service. A provider only builds the request URI for its documented API and reads its documented
 * JSON answer; {@link ProviderClient} does the HTTP (timeouts, rate limit, retries, cache). Candidates come back in
 * WGS-84: each provider converts from its datum.
 */
public interface GeocodeProvider {
    /** tianditu, amap, baidu, nominatim: also the configuration key {@code patrol.geocode.provider.NAME.*}. */
    String name();

    /** The datum its coordinates are in. */
    Datum datum();

    URI uri(String baseUrl, String key, String address);

    /** Candidates from a 200 response body; empty when the service found nothing; IllegalStateException for an error answer. */
    List<Candidate> parse(JsonNode body);

    static double text(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText().trim());
    }

    static Candidate candidate(Datum datum, double lon, double lat, Candidate.Level level, double confidence,
            String matched, String provider) {
        double[] w = datum.toWgs84(lon, lat);
        return new Candidate(w[0], w[1], level, Math.max(0, Math.min(1, confidence)), matched, "provider:" + provider, null);
    }

    /** Chinese providers' level words → our levels. */
    static Candidate.Level chineseLevel(String level) {
        if (level == null) {
            return Candidate.Level.place;
        }
        return switch (level) {
            case "门牌号", "门址", "单元号", "楼栋号" -> Candidate.Level.point;
            case "道路", "道路交叉路口", "交叉路口" -> Candidate.Level.street;
            case "区县", "乡镇" -> Candidate.Level.district;
            case "市", "城市", "省", "国家" -> Candidate.Level.city;
            default -> Candidate.Level.place;
        };
    }

    static double levelConfidence(Candidate.Level l) {
        return switch (l) {
            case point -> 0.9;
            case interpolated -> 0.8;
            case place -> 0.75;
            case street -> 0.6;
            case district -> 0.3;
            case city -> 0.2;
        };
    }
}
