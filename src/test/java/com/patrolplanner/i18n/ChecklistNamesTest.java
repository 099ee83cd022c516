package com.patrolplanner.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.inspection.ViolationItem;
import org.junit.jupiter.api.Test;

/**
 * The inspection checklist names each item in the request's language (GET /api/inspections/checklist reads
 * {@code violation.<code>}): every item has its key, and its Chinese is the item's own wording, so the table cannot
 * drift from the enum the route sheet and the reports print.
 */
class ChecklistNamesTest {
    @Test
    void everyChecklistItemHasItsNameInBothLanguagesAndTheChineseIsTheItemsOwn() {
        for (ViolationItem v : ViolationItem.values()) {
            String key = "violation." + v.code();
            assertTrue(MessageTable.has(key), "no message " + key);
            assertEquals(v.zh, MessageTable.template(key, Lang.ZH_CN), key);
        }
        assertEquals("Admits minors to the premises", MessageTable.template("violation.cafe_minors_admitted", Lang.EN));
    }
}
