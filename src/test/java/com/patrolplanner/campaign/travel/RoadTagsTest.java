package com.patrolplanner.campaign.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How OSM tags become speeds and directions. */
class RoadTagsTest {

    @Test
    void maxspeedParsesNumbersAndUnits() {
        assertEquals(50.0, RoadImportHandler.parseMaxspeed("50"));
        assertEquals(50.0, RoadImportHandler.parseMaxspeed("50 km/h"));
        assertEquals(30 * 1.609344, RoadImportHandler.parseMaxspeed("30 mph"), 1e-9);
        assertEquals(60.0, RoadImportHandler.parseMaxspeed("60;40"));
        assertNull(RoadImportHandler.parseMaxspeed("none"));
        assertNull(RoadImportHandler.parseMaxspeed("CN:urban"));
        assertNull(RoadImportHandler.parseMaxspeed("0"));
        assertNull(RoadImportHandler.parseMaxspeed(null));
    }

    @Test
    void onewayRoundaboutAndMotorway() {
        assertEquals(1, RoadImportHandler.direction(Map.of("highway", "residential", "oneway", "yes")));
        assertEquals(-1, RoadImportHandler.direction(Map.of("highway", "residential", "oneway", "-1")));
        assertEquals(1, RoadImportHandler.direction(Map.of("highway", "primary", "junction", "roundabout")));
        assertEquals(1, RoadImportHandler.direction(Map.of("highway", "motorway")));
        assertEquals(0, RoadImportHandler.direction(Map.of("highway", "motorway", "oneway", "no")));
        assertEquals(0, RoadImportHandler.direction(Map.of("highway", "residential")));
    }

    @Test
    void everyDrivableClassHasADefaultSpeed() {
        for (String hw : new String[] {"motorway", "trunk", "primary", "secondary", "tertiary"}) {
            assertEquals(true, RoadImportHandler.DEFAULT_SPEED_KMH.get(hw) > RoadImportHandler.DEFAULT_SPEED_KMH.get(hw + "_link") - 1e-9,
                    hw + " is not slower than its link");
        }
        for (String hw : new String[] {"unclassified", "residential", "service", "living_street"}) {
            assertEquals(true, RoadImportHandler.DEFAULT_SPEED_KMH.containsKey(hw), hw);
        }
    }
}
