package com.patrolplanner.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pure parts of interpolation: block jumps and how a street is numbered. */
class InterpolationTest {

    @Test
    void withinOneBlockTheFractionIsLinear() {
        assertEquals(0.4, GeocodeEngine.blockFraction(14, 10, 20), 1e-12);
        assertEquals(0.5, GeocodeEngine.blockFraction(215, 210, 220), 1e-12);
    }

    @Test
    void acrossABlockJumpTheNumberStaysInItsOwnHalf() {
        // 228 | 338: 302 belongs to the 300 block, so it lies past the boundary (≥ 0.5), near its start
        double t = GeocodeEngine.blockFraction(302, 228, 338);
        assertTrue(t >= 0.5 && t < 0.6, "302 between 228 and 338: " + t);
        // 230 belongs to the 200 block: before the boundary
        double u = GeocodeEngine.blockFraction(230, 228, 338);
        assertTrue(u > 0 && u < 0.5, "230 between 228 and 338: " + u);
    }

    @Test
    void streetsNumberedConsecutivelyAlongOneSideAreRecognised() {
        GazetteerIndex.Street rows = new GazetteerIndex.Street("kluane drive");
        for (int n = 201; n <= 220; n++) {
            // consecutive numbers 6 m apart along one side
            rows.points.add(new GazetteerIndex.Point(Integer.toString(n), n, null, -115.57 + (n - 201) * 6 / 70_000.0, 51.167,
                    "t", null));
        }
        rows.seal();
        assertFalse(rows.oddEvenSides);

        GazetteerIndex.Street sides = new GazetteerIndex.Street("banff avenue");
        for (int n = 101; n <= 140; n++) {
            // odd on the south side, even on the north, 30 m across; each side 15 m per lot
            double lat = 51.17 + (n % 2 == 0 ? 30 / 111_000.0 : 0);
            sides.points.add(new GazetteerIndex.Point(Integer.toString(n), n, null, -115.57 + (n / 2) * 15 / 70_000.0, lat,
                    "t", null));
        }
        sides.seal();
        assertTrue(sides.oddEvenSides);
    }
}
