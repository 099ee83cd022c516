package com.patrolplanner.geocode.parse;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The normalised keys that gazetteer rows and parsed queries share. Western street names: lower case, punctuation
 * dropped, type and direction abbreviations spelled out (Ave → avenue, N → north; St → street at the end, saint at the
 * start). Chinese names: NFKC, traditional → simplified, no spaces or brackets.
 */
public final class StreetKeys {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("st", "street"), Map.entry("str", "street"), Map.entry("ave", "avenue"), Map.entry("av", "avenue"),
            Map.entry("avn", "avenue"), Map.entry("rd", "road"), Map.entry("blvd", "boulevard"), Map.entry("bvd", "boulevard"),
            Map.entry("dr", "drive"), Map.entry("drv", "drive"), Map.entry("ln", "lane"), Map.entry("cres", "crescent"),
            Map.entry("cr", "crescent"), Map.entry("crs", "crescent"), Map.entry("ct", "court"), Map.entry("crt", "court"),
            Map.entry("pl", "place"), Map.entry("tce", "terrace"), Map.entry("terr", "terrace"), Map.entry("hwy", "highway"),
            Map.entry("pkwy", "parkway"), Map.entry("pky", "parkway"), Map.entry("cir", "circle"), Map.entry("trl", "trail"),
            Map.entry("sq", "square"), Map.entry("cl", "close"), Map.entry("wy", "way"), Map.entry("aly", "alley"),
            Map.entry("gdns", "gardens"), Map.entry("hts", "heights"), Map.entry("mnr", "manor"), Map.entry("pt", "point"),
            Map.entry("rte", "route"), Map.entry("expy", "expressway"), Map.entry("fwy", "freeway"), Map.entry("cmn", "common"));
    private static final Map<String, String> DIRECTIONS = Map.of("n", "north", "s", "south", "e", "east", "w", "west",
            "ne", "northeast", "nw", "northwest", "se", "southeast", "sw", "southwest");

    private StreetKeys() {
    }

    /** The matching key of a street name, Chinese or Western. */
    public static String streetKey(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = ChineseText.normalise(name).trim();
        if (ChineseText.hasHan(n)) {
            return n.replaceAll("[\\s()\\[\\]（）·•]", "");
        }
        String[] tokens = n.toLowerCase(Locale.ROOT).replaceAll("[.,'’\"#]", " ").trim().split("[\\s]+");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty()) {
                continue;
            }
            boolean last = i == tokens.length - 1 || (i == tokens.length - 2 && DIRECTIONS.containsKey(tokens[i + 1]));
            String full;
            if ((t.equals("st") || t.equals("ste")) && i == 0 && tokens.length > 1) {
                full = "saint";
            } else if (t.equals("mt") && i < tokens.length - 1) {
                full = "mount";
            } else if (DIRECTIONS.containsKey(t) && (i == 0 || i == tokens.length - 1) && tokens.length > 1) {
                full = DIRECTIONS.get(t);
            } else if (i > 0 && last && TYPES.containsKey(t)) {
                full = TYPES.get(t);
            } else if (i > 0 && TYPES.containsKey(t) && !t.equals("st") && !t.equals("pt")) {
                full = TYPES.get(t);
            } else {
                full = t;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(full);
        }
        return b.toString();
    }

    /** The matching key of a place name: like a street key, but no abbreviations are expanded. */
    public static String placeKey(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = ChineseText.normalise(name).trim();
        if (ChineseText.hasHan(n)) {
            return n.replaceAll("[\\s()\\[\\]（）·•]", "");
        }
        return Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
