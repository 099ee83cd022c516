package com.patrolplanner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.patrolplanner.importer.TabularReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import bench's streamed workbook ({@code ImportBench.writeXlsx}, written without POI so that 200,000 rows cost the
 * bench no heap) is a workbook the import reads: every row of the GBK CSV comes back from it with the same texts, and
 * the numbers as the same numbers (read here by the CSV path of the same reader).
 */
class ImportBenchXlsxTest {
    @Test
    void theStreamedWorkbookHoldsTheCsvsRows() throws Exception {
        Path csv = Files.createTempFile("bench-xlsx-test", ".csv");
        Path xlsx = Files.createTempFile("bench-xlsx-test", ".xlsx");
        try {
            ImportBench.write(csv, 120, "t");
            ImportBench.writeXlsx(csv, xlsx);
            TabularReader.Table fromCsv = TabularReader.read(csv, "v.csv");
            TabularReader.Table fromXlsx = TabularReader.read(xlsx, "v.xlsx");
            assertEquals(TabularReader.Format.XLSX, fromXlsx.format());
            assertEquals(fromCsv.header(), fromXlsx.header());
            assertEquals(120, fromXlsx.rows().size());
            for (int i = 0; i < 120; i++) {
                List<String> a = fromCsv.rows().get(i).cells();
                List<String> b = new ArrayList<>(fromXlsx.rows().get(i).cells());
                while (b.size() < a.size()) {
                    b.add("");
                }
                for (int c = 0; c < a.size(); c++) {
                    if (c == 4 || c == 5 || c == 7 || c == 9) {
                        assertEquals(Double.parseDouble(a.get(c)), Double.parseDouble(b.get(c)), 0, "row " + i + " col " + c);
                    } else {
                        assertEquals(a.get(c), b.get(c) == null ? "" : b.get(c), "row " + i + " col " + c);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(xlsx);
        }
    }
}
