package com.patrolplanner.geocode.parse;

/**
 * The one door to address parsing: Chinese text (any Han character) goes to the Chinese grammar, everything else to the
 * Western one. Pure and thread-safe.
 */
public final class AddressParser {
    private AddressParser() {
    }

    public static ParsedAddress parse(String address) {
        if (address == null || address.isBlank()) {
            return new ParsedAddress(address, "", false, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }
        String n = ChineseText.normalise(address);
        return ChineseText.hasHan(n) ? ChineseAddressParser.parse(address) : WesternAddressParser.parse(address);
    }
}
