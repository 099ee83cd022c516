package com.patrolplanner.ui;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Basemap settings of the map page. Online basemaps are listed only when their URL template is set (and Tianditu only
 * with a token), so an intranet deployment offers "none" alone and its Content-Security-Policy stays {@code 'self'}.
 */
@ApplicationScoped
public class UiConfig {
    @ConfigMapping(prefix = "patrol.ui")
    public interface Settings {
        /** Online basemaps offered besides "none" ({@code none} alone for an intranet without internet). */
        @WithDefault("osm,tianditu,amap")
        List<String> basemaps();

        @WithDefault("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        String osmTiles();

        /** Tianditu vector tiles (CGCS2000 ≈ WGS-84, Web Mercator); {token} is replaced by the key below. */
        @WithDefault("https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={token}")
        String tiandituTiles();

        /** The Tianditu browser key; without it the basemap is not offered. */
        Optional<String> tiandituToken();

        /** Amap road tiles, drawn in GCJ-02. */
        @WithDefault("https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}")
        String amapTiles();

        @WithDefault("119.16")
        double centerLon();

        @WithDefault("36.70")
        double centerLat();

        @WithDefault("12")
        int zoom();
    }

    public record Basemap(String id, String url, String subdomains, String datum, String attribution, int maxZoom) {
    }

    @Inject
    Settings settings;

    public Settings settings() {
        return settings;
    }

    public List<Basemap> basemaps() {
        List<Basemap> out = new ArrayList<>();
        out.add(new Basemap("none", null, null, "WGS84", null, 19));
        List<String> on = settings.basemaps();
        if (on.contains("osm")) {
            out.add(new Basemap("osm", settings.osmTiles(), "abc", "WGS84", "© OpenStreetMap contributors", 19));
        }
        String tk = settings.tiandituToken().orElse("");
        if (on.contains("tianditu") && !tk.isBlank()) {
            out.add(new Basemap("tianditu", settings.tiandituTiles().replace("{token}", tk), "01234567", "WGS84",
                    "© 天地图 Tianditu", 18));
        }
        if (on.contains("amap")) {
            out.add(new Basemap("amap", settings.amapTiles(), "1234", "GCJ02", "© 高德地图 AutoNavi", 18));
        }
        return out;
    }

    /** The origins the page may load tile images from (for img-src); relative templates need none. */
    public Set<String> tileOrigins() {
        Set<String> out = new LinkedHashSet<>();
        for (Basemap b : basemaps()) {
            if (b.url() == null || !b.url().startsWith("http")) {
                continue;
            }
            // {s} subdomains become a wildcard host, which CSP allows in the left-most label only
            String hostPart = b.url().replaceAll("\\{s}", "x");
            URI u = URI.create(hostPart.substring(0, hostPart.indexOf('/', hostPart.indexOf("//") + 2)));
            String host = u.getHost();
            if (b.url().contains("{s}")) {
                int dot = host.indexOf('.');
                host = "*" + host.substring(dot);
            }
            out.add(u.getScheme() + "://" + host);
        }
        return out;
    }
}
