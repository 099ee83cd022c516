package com.patrolplanner.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Native-query rows read as {@link Row}s: the JDBC meaning of NULL, times and dates whatever type the driver hands. */
class RowsTest {
    @Test
    void nullReadsAsZeroAndWasNullAsJdbcDoes() {
        Row r = Rows.of(new Object[] {null, 7L});
        assertEquals(0L, r.getLong(1));
        assertTrue(r.wasNull());
        assertNull(r.getLongOrNull(1));
        assertEquals(7, r.getInt(2));
        assertFalse(r.wasNull());
    }

    @Test
    void aOneColumnSelectIsItsValue() {
        assertEquals(List.of("a", "b"), Rows.map(List.of("a", "b"), r -> r.getString(1)));
    }

    @Test
    void timesAndDatesWhateverTheDriverHands() {
        Instant t = Instant.parse("2026-03-01T02:30:00Z");
        assertEquals(t, Rows.instant(java.sql.Timestamp.from(t)));
        assertEquals(t, Rows.instant(OffsetDateTime.parse("2026-03-01T10:30:00+08:00")));
        assertEquals(OffsetDateTime.of(2026, 3, 1, 2, 30, 0, 0, ZoneOffset.UTC), Rows.utc(java.sql.Timestamp.from(t)));
        assertEquals(LocalDate.of(2026, 3, 1), Rows.localDate(java.sql.Date.valueOf("2026-03-01")));
        assertEquals(LocalDate.of(2026, 3, 1), Rows.localDate("2026-03-01"));
        assertNull(Rows.localDate(null));
        assertEquals(new BigDecimal("12.5"), Rows.of(new Object[] {12.5}).getBigDecimal(1));
    }

    @Test
    void aNativeQueryRowHasNoLabels() {
        Row r = Rows.of(new Object[] {"a"});
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> r.getString("name"));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> r.getLong("id"));
        assertEquals("a", r.getString(1));
    }
}
