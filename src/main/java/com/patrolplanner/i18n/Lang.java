package com.patrolplanner.i18n;

import java.util.List;
import java.util.Locale;

/** The languages the server writes: Chinese (the default, for a bureau's staff) and English. */
public enum Lang {
    ZH_CN("zh-CN"), EN("en");

    public final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    /**
     * The language an {@code Accept-Language} header asks for: the first range (by q) that names zh or en; zh-CN when
     * the header is absent, malformed or names neither.
     */
    public static Lang of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH_CN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return ZH_CN;
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) {
                continue;
            }
            String primary = r.getRange().toLowerCase(Locale.ROOT).split("-")[0];
            if (primary.equals("zh")) {
                return ZH_CN;
            }
            if (primary.equals("en")) {
                return EN;
            }
        }
        return ZH_CN;
    }
}
