package com.patrolplanner.geocode.parse;

/**
 * An address split into parts. Every part may be null. {@code streetKey} is the normalised street name the gazetteer is
 * keyed by; {@code number} the house number as normalised text ("31", "12A"), {@code numberInt} its numeric part.
 * {@code place} is what is left that names a place (a school, a mall, a POI) rather than a street address.
 * {@code relation} is "near" (附近, 旁边, …) or "opposite" (对面) when the address points at something beside the match.
 */
public record ParsedAddress(String input, String normalised, boolean chinese, String province, String city,
        String district, String town, String street, String streetKey, String number, Integer numberInt, String lane,
        String building, String unit, String room, String place, String placeKey, String relation) {

    public boolean hasStreet() {
        return streetKey != null && !streetKey.isEmpty();
    }

    public boolean hasNumber() {
        return numberInt != null;
    }
}
