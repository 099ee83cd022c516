package com.patrolplanner.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The message table is complete in both languages, and Accept-Language picks the one asked for. */
class MessageTableTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** A separator, not a text: Chinese punctuation alone (the enumeration comma 、) against ASCII punctuation (", "). */
    private static final Pattern ZH_SEPARATOR = Pattern.compile("[\\u3000-\\u303F\\uFF01-\\uFF5E]+");
    private static final Pattern EN_SEPARATOR = Pattern.compile("[\\p{Punct} ]+");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2}");

    @Test
    void everyMessageHasChineseAndEnglishWithTheSameArguments() {
        for (Map.Entry<String, String[]> e : MessageTable.all().entrySet()) {
            String zh = e.getValue()[0];
            String en = e.getValue()[1];
            if (ZH_SEPARATOR.matcher(zh).matches() && EN_SEPARATOR.matcher(en).matches()) {
                continue; // e.g. common.listSeparator: 、 / ", "
            }
            assertTrue(HAN.matcher(zh).find(), e.getKey() + ": the zh-CN text has no Chinese: " + zh);
            assertTrue(LATIN.matcher(en.replaceAll("\\{\\d+}", "")).find(), e.getKey() + ": the en text has no English: " + en);
            assertFalse(HAN.matcher(en.replace("是/否", "")).find(), e.getKey() + ": the en text has Chinese: " + en);
            assertEquals(args(zh), args(en), e.getKey() + ": zh-CN and en take different arguments");
        }
    }

    private static TreeSet<String> args(String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void acceptLanguagePicksTheFirstSupportedRangeAndDefaultsToChinese() {
        assertEquals(Lang.ZH_CN, Lang.of(null));
        assertEquals(Lang.ZH_CN, Lang.of(""));
        assertEquals(Lang.ZH_CN, Lang.of("de-DE"));
        assertEquals(Lang.ZH_CN, Lang.of("zh-TW,zh;q=0.9"));
        assertEquals(Lang.EN, Lang.of("en"));
        assertEquals(Lang.EN, Lang.of("en-GB,en;q=0.9,zh-CN;q=0.8"));
        assertEquals(Lang.EN, Lang.of("fr-FR, en;q=0.5"));
        assertEquals(Lang.ZH_CN, Lang.of("en;q=0.3, zh-CN;q=0.9"));
        assertEquals(Lang.ZH_CN, Lang.of("not a header ;;; q=x"));
    }

    @Test
    void referencesResolveInsideTextWithTheirArguments() {
        String detail = "geometry: " + Messages.of("zone.overlapsOne", 7, "东区", 120);
        assertEquals("geometry: 与分区 7“东区”重叠 120 平方米", Messages.text(detail, Lang.ZH_CN));
        assertEquals("geometry: overlaps zone 7 '东区' by 120 m²", Messages.text(detail, Lang.EN));
        // a reference as the argument of another
        String notFound = Messages.of("error.notFound", Messages.of("zone.set", 42));
        assertEquals("未找到分区方案 42", Messages.text(notFound, Lang.ZH_CN));
        assertEquals("zone set 42 not found", Messages.text(notFound, Lang.EN));
    }

    @Test
    void templateTextIsEscapedForTheDocumentButArgumentsAreLeftAsTheWriterEscapedThem() {
        String ref = Messages.of("validation.Pattern", "a&b");
        // the JSON writer has already escaped the argument; the template's own quotes must be escaped here
        assertEquals("must match \\\"a&b\\\"", Messages.resolve(ref, Lang.EN, Messages.Escape.JSON));
        assertEquals("must match &quot;a&b&quot;", Messages.resolve(ref, Lang.EN, Messages.Escape.HTML));
    }

    @Test
    void anArgumentCannotEndItsReferenceEarly() {
        String ref = Messages.of("error.notFound", "x" + Messages.CLOSE + "y" + Messages.SEP + "z");
        assertEquals("x]y|z not found", Messages.text(ref, Lang.EN));
    }
}
