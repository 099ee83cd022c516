package com.patrolplanner.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.registry.OpeningHours;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed demo files are exactly what the generator makes from its fixed seed. */
class DemoGeneratorTest {
    static final Path DEMO = Path.of("data-import/demo");

    @Test
    void committedFilesAreReproducible(@TempDir Path tmp) throws Exception {
        Files.copy(DEMO.resolve("370700_full.json"), tmp.resolve("370700_full.json"));
        List<DemoGenerator.Report> all = DemoGenerator.generateAll(tmp);
        DemoGenerator.Report r = all.get(0);
        assertEquals(195, r.venues());
        assertEquals(80, r.schools());
        // 潍城区: half 奎文区's register (issue 14's second district), 12 officers in four teams of three
        assertEquals(98, all.get(1).venues());
        assertEquals(40, all.get(1).schools());
        assertEquals(12, all.get(1).inspectors());
        for (String f : List.of("venues.csv", "schools.geojson", "inspectors.csv", "venues-370702.csv",
                "schools-370702.geojson", "inspectors-370702.csv")) {
            assertArrayEquals(Files.readAllBytes(DEMO.resolve(f)), Files.readAllBytes(tmp.resolve(f)),
                    f + " differs from a fresh run: regenerate with demo-generate and commit");
        }
    }

    /** 《互联网上网服务营业场所管理条例》第二十二条 (08:00–24:00): some demo cafés break it, so night sweeps have targets. */
    @Test
    void someDemoCafesOpenBetweenMidnightAndEight() throws Exception {
        List<String> lines = Files.readAllLines(DEMO.resolve("venues.csv"), StandardCharsets.UTF_8);
        int cafes = 0;
        int late = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (!c[2].equals("网吧")) {
                continue;
            }
            cafes++;
            OpeningHours oh = OpeningHours.parse(c[6]);
            boolean open = false;
            for (DayOfWeek d : DayOfWeek.values()) {
                open |= oh.isOpenAt(d, 60);
            }
            late += open ? 1 : 0;
            assertTrue(line.endsWith(",是"), "every row is marked synthetic: " + line);
        }
        assertEquals(40, cafes);
        assertTrue(late >= 5 && late <= 15, late + " cafés open at 01:00");
    }
}
