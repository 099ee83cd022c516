package com.patrolplanner.geocode.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Number + street addresses as written in North America, Europe and Oceania: {@code 123 Banff Ave}, {@code 12A Main St,
 * Springfield}, {@code Unit 4, 123 Banff Avenue}, {@code 4-123 Banff Ave} (unit–number, Canadian style),
 * {@code 123 Banff Ave #4}, {@code Main Street 12} (number after the street, as in much of Europe). The first comma part
 * holding a street is the street line; the part after it is taken as the city.
 */
final class WesternAddressParser {
    private static final Pattern UNIT_WORD = Pattern.compile(
            "(?i)\\b(?:unit|apt|apartment|suite|ste|flat|room|rm)\\.?\\s*#?\\s*([A-Za-z0-9-]+)|#\\s*([A-Za-z0-9-]+)");
    private static final Pattern UNIT_DASH_NUMBER = Pattern.compile("^([A-Za-z0-9]+)\\s*-\\s*(\\d+[A-Za-z]?)\\s+(.+)$");
    private static final Pattern NUMBER_FIRST = Pattern.compile("^(\\d+)\\s*([A-Za-z](?![A-Za-z]))?(?:\\s*-\\s*\\d+[A-Za-z]?)?\\s+(.+)$");
    private static final Pattern NUMBER_LAST = Pattern.compile("^(.+?)\\s+(\\d+)\\s*([A-Za-z])?$");

    private WesternAddressParser() {
    }

    static ParsedAddress parse(String input) {
        String s = ChineseText.normalise(input).replaceAll("\\s+", " ").trim();
        String normalised = s;
        String unit = null;
        Matcher u = UNIT_WORD.matcher(s);
        if (u.find()) {
            unit = u.group(1) != null ? u.group(1) : u.group(2);
            s = (s.substring(0, u.start()) + " " + s.substring(u.end())).replaceAll("\\s+", " ").replaceAll(" ,", ",").trim();
            s = s.replaceAll("^[,\\s]+|[,\\s]+$", "").replaceAll(",\\s*,", ",");
        }
        String[] parts = s.split("\\s*,\\s*");
        String streetLine = null;
        String city = null;
        String district = null;
        String province = null;
        int idx = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].matches(".*\\d.*") && parts[i].matches(".*\\p{L}{2,}.*")) {
                streetLine = parts[i];
                idx = i;
                break;
            }
        }
        if (streetLine == null && parts.length > 0) {
            streetLine = parts[0];
            idx = 0;
        }
        if (idx >= 0 && idx + 1 < parts.length) {
            city = parts[idx + 1];
        }
        if (idx >= 0 && idx + 2 < parts.length) {
            province = parts[idx + 2].replaceAll("\\s+[A-Z]\\d[A-Z]\\s*\\d[A-Z]\\d$|\\s+\\d{4,6}(-\\d{4})?$", "");
        }
        String number = null;
        String street = null;
        Matcher m;
        if (streetLine != null && (m = UNIT_DASH_NUMBER.matcher(streetLine)).find() && unit == null) {
            unit = m.group(1);
            number = m.group(2).toUpperCase();
            street = m.group(3);
        } else if (streetLine != null && (m = NUMBER_FIRST.matcher(streetLine)).find()) {
            number = m.group(1) + (m.group(2) == null ? "" : m.group(2).toUpperCase());
            street = m.group(3);
        } else if (streetLine != null && (m = NUMBER_LAST.matcher(streetLine)).find()) {
            street = m.group(1);
            number = m.group(2) + (m.group(3) == null ? "" : m.group(3).toUpperCase());
        }
        String place = null;
        if (street == null && streetLine != null && !streetLine.isBlank()) {
            // no number: the line may name a street ("Banff Ave") or a place ("Hotel Plaza"); the chain tries both
            place = streetLine;
            street = streetLine;
        }
        Integer numberInt = number == null ? null : Integer.valueOf(number.replaceAll("^(\\d+).*", "$1"));
        return new ParsedAddress(input, normalised, false, province, city, district, null, street,
                StreetKeys.streetKey(street), number, numberInt, null, null, unit, null, place,
                StreetKeys.placeKey(place != null ? place : streetLine), null);
    }
}
