package com.patrolplanner.geocode.provider;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.geo.ChinaDatum;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geocode.Candidate;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four providers against a local HTTP server on 127.0.0.1 that answers in each provider's documented JSON format
 * (no internet). The server counts hits per query so caching and retries can be checked.
 */
@QuarkusTest
class OnlineProvidersTest {
    @Inject
    ProviderClient client;
    @Inject
    OnlineGeocoder online;

    HttpServer server;
    String base;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/tianditu/geocoder", ex -> {
            String ds = param(ex, "ds");
            String kw = ds.replaceAll("^.*\"keyWord\":\"(.*)\"}$", "$1");
            answer(ex, kw, "{\"msg\":\"ok\",\"location\":{\"score\":100,\"level\":\"门址\",\"lon\":116.29039,\"lat\":39.95654,"
                    + "\"keyWord\":\"" + kw + "\"},\"searchVersion\":\"6.4.9V\",\"status\":\"0\"}");
        });
        server.createContext("/amap/v3/geocode/geo", ex -> {
            String a = param(ex, "address");
            if (a.contains("retry") && hits.computeIfAbsent(a, k -> new AtomicInteger()).get() == 0) {
                hits.get(a).incrementAndGet();
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            if (a.contains("slow")) {
                hits.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet();
                sleep(1500);
                ex.sendResponseHeaders(200, -1);
                ex.close();
                return;
            }
            answer(ex, a, "{\"status\":\"1\",\"info\":\"OK\",\"infocode\":\"10000\",\"count\":\"1\",\"geocodes\":[{"
                    + "\"formatted_address\":\"山东省潍坊市奎文区胜利东街|100号\",\"country\":\"中国\",\"province\":\"山东省\","
                    + "\"citycode\":\"0536\",\"city\":\"潍坊市\",\"district\":\"奎文区\",\"township\":[],\"neighborhood\":{},"
                    + "\"building\":{},\"adcode\":\"370705\",\"street\":\"胜利东街\",\"number\":\"100号\","
                    + "\"location\":\"119.170000,36.710000\",\"level\":\"门牌号\"}]}");
        });
        server.createContext("/baidu/geocoding/v3/", ex -> answer(ex, param(ex, "address"),
                "{\"status\":0,\"result\":{\"location\":{\"lng\":119.176,\"lat\":36.716},\"precise\":1,\"confidence\":80,"
                        + "\"comprehension\":100,\"level\":\"门址\"}}"));
        server.createContext("/nominatim/search", ex -> answer(ex, param(ex, "q"),
                "[{\"place_id\":100149,\"licence\":\"Data © OpenStreetMap contributors\",\"osm_type\":\"node\",\"osm_id\":1,"
                        + "\"lat\":\"51.1745329\",\"lon\":\"-115.5715627\",\"category\":\"place\",\"type\":\"house\","
                        + "\"place_rank\":30,\"importance\":0.3,\"display_name\":\"101, Banff Avenue, Banff, Alberta, Canada\"}]"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        for (String p : List.of("tianditu", "amap", "baidu", "nominatim")) {
            client.override(p, null);
        }
        server.stop(0);
    }

    private void enable(String provider, String path, double rate, int retries, long timeoutMs) {
        client.override(provider, new ProviderClient.Settings(true, "test-key", base + path, Duration.ofMillis(timeoutMs),
                rate, retries, Duration.ofMillis(50)));
    }

    private GeocodeProvider provider(String name) {
        return switch (name) {
            case "tianditu" -> new Providers.Tianditu();
            case "amap" -> new Providers.Amap();
            case "baidu" -> new Providers.Baidu();
            default -> new Providers.Nominatim();
        };
    }

    @Test
    void providersAreOffByDefaultAndNeedAKey() {
        for (String p : List.of("tianditu", "amap", "baidu", "nominatim")) {
            assertFalse(client.settings(p).enabled(), p + " is off unless configured");
        }
        assertTrue(online.enabled().isEmpty());
    }

    @Test
    void amapAnswersInGcj02AndIsConvertedToWgs84() {
        enable("amap", "/amap/v3/geocode/geo", 50, 0, 2000);
        List<Candidate> c = client.geocode(provider("amap"), "潍坊市奎文区胜利东街100号 " + UUID.randomUUID());
        assertEquals(1, c.size());
        double[] w = ChinaDatum.gcj02ToWgs84(119.17, 36.71);
        assertEquals(w[0], c.get(0).lon(), 1e-9);
        assertEquals(w[1], c.get(0).lat(), 1e-9);
        assertEquals(Candidate.Level.point, c.get(0).level());
        assertEquals("provider:amap", c.get(0).source());
    }

    @Test
    void baiduAnswersInBd09AndIsConvertedToWgs84() {
        enable("baidu", "/baidu/geocoding/v3/", 50, 0, 2000);
        List<Candidate> c = client.geocode(provider("baidu"), "潍坊市奎文区 " + UUID.randomUUID());
        double[] w = Datum.BD09.toWgs84(119.176, 36.716);
        assertEquals(w[0], c.get(0).lon(), 1e-9);
        assertEquals(w[1], c.get(0).lat(), 1e-9);
        // BD-09 sits several hundred metres from WGS-84 here: the conversion matters
        assertTrue(com.patrolplanner.geo.Geodesy.distance(119.176, 36.716, w[0], w[1]) > 300);
    }

    @Test
    void tiandituAndNominatimAreTakenAsWgs84() {
        enable("tianditu", "/tianditu/geocoder", 50, 0, 2000);
        enable("nominatim", "/nominatim/search", 50, 0, 2000);
        Candidate t = client.geocode(provider("tianditu"), "北京市海淀区莲花池西路28号 " + UUID.randomUUID()).get(0);
        assertEquals(116.29039, t.lon(), 1e-12);
        assertEquals(39.95654, t.lat(), 1e-12);
        assertEquals(Candidate.Level.point, t.level());
        Candidate n = client.geocode(provider("nominatim"), "101 Banff Avenue " + UUID.randomUUID()).get(0);
        assertEquals(-115.5715627, n.lon(), 1e-12);
        assertEquals(Candidate.Level.point, n.level());
    }

    @Test
    void answersAreCachedInTheDatabase() {
        enable("amap", "/amap/v3/geocode/geo", 50, 0, 2000);
        String q = "缓存测试路1号 " + UUID.randomUUID();
        client.geocode(provider("amap"), q);
        client.geocode(provider("amap"), q);
        assertEquals(1, hits.get(q).get(), "the second lookup is served from geocode_cache");
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        enable("amap", "/amap/v3/geocode/geo", 50, 2, 2000);
        String q = "retry路1号 " + UUID.randomUUID();
        List<Candidate> c = client.geocode(provider("amap"), q);
        assertEquals(1, c.size());
        assertEquals(2, hits.get(q).get(), "one 503, then the answer");
    }

    @Test
    void timeoutsGiveUpAfterTheRetries() {
        enable("amap", "/amap/v3/geocode/geo", 50, 1, 300);
        String q = "slow路1号 " + UUID.randomUUID();
        assertTrue(client.geocode(provider("amap"), q).isEmpty());
        assertEquals(2, hits.get(q).get(), "first try and one retry");
    }

    @Test
    void requestsAreSpacedByTheRateLimit() {
        enable("nominatim", "/nominatim/search", 5, 0, 2000);
        long t0 = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            client.geocode(provider("nominatim"), "rate " + i + " " + UUID.randomUUID());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds >= 0.55, "4 requests at 5/s take at least 0.6 s (3 gaps), took " + seconds);
    }

    @Test
    void apiFallsBackToAnEnabledProviderWhenTheGazetteerHasNothing() {
        enable("amap", "/amap/v3/geocode/geo", 50, 0, 2000);
        double[] w = ChinaDatum.gcj02ToWgs84(119.17, 36.71);
        as("planner").queryParam("q", "无此地址的某路" + UUID.randomUUID().toString().substring(0, 8)).get("/api/geocode")
                .then().statusCode(200)
                .body("[0].source", equalTo("provider:amap"))
                .body("[0].lon", closeTo(w[0], 1e-6))
                .body("[0].lat", closeTo(w[1], 1e-6));
    }

    private void answer(HttpExchange ex, String query, String json) throws IOException {
        hits.computeIfAbsent(query, k -> new AtomicInteger()).incrementAndGet();
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private static String param(HttpExchange ex, String name) {
        for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
            int i = kv.indexOf('=');
            if (kv.substring(0, i).equals(name)) {
                return URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
