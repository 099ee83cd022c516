package com.patrolplanner.compliance;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Districts come into the registry only through imports (another capability), so the tests insert one fictitious county
 * of Shandong (adcode 370299, prefix 37) directly: a venue registered inside it gets district_code 370299 and is
 * under Shandong's rules. Box 120.90–121.00 E, 36.30–36.40 N.
 */
final class TestDistricts {
    static final String SHANDONG_TEST_COUNTY = "370299";
    static final double LON0 = 120.90;
    static final double LAT0 = 36.30;

    private TestDistricts() {
    }

    static void ensureShandongTestCounty(AgroalDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO district (adcode, name, level, parent_code, geom) VALUES ('" + SHANDONG_TEST_COUNTY
                    + "', '合规测试县', 'district', '370200', ST_Multi(ST_MakeEnvelope(120.90, 36.30, 121.00, 36.40, 4326))) "
                    + "ON CONFLICT (adcode) DO NOTHING");
        }
    }
}
