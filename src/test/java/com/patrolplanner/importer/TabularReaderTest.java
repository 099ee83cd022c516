package com.patrolplanner.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.web.ApiException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format-independent table reader: encodings, delimiters, row numbers, row estimates. */
class TabularReaderTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] content) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void gbkWithoutBomIsReadAsGb18030() throws Exception {
        byte[] gbk = "名称,类别\n星空网咖,网吧\n".getBytes(Charset.forName("GBK"));
        TabularReader.Table t = TabularReader.read(write("a.csv", gbk), "a.csv");
        assertEquals("GB18030", t.encoding());
        assertEquals(List.of("名称", "类别"), t.header());
        assertEquals("星空网咖", t.rows().get(0).cell(0));
    }

    @Test
    void plainUtf8StaysUtf8AndTabsAreDelimiters() throws Exception {
        TabularReader.Table t = TabularReader.read(write("a.txt", "name\tcategory\n书店\t出版物\n".getBytes(StandardCharsets.UTF_8)), "a.txt");
        assertEquals("UTF-8", t.encoding());
        assertEquals("出版物", t.rows().get(0).cell(1));
    }

    @Test
    void blankLinesKeepTheirRowNumbers() throws Exception {
        TabularReader.Table t = TabularReader.read(write("a.csv", "name\nA\n\nC\n".getBytes(StandardCharsets.UTF_8)), "a.csv");
        assertEquals(2, t.rows().size());
        assertEquals(1, t.rows().get(0).number());
        assertEquals(3, t.rows().get(1).number());
    }

    @Test
    void headersMatchIgnoringCaseSpacesAndUnderscores() throws Exception {
        TabularReader.Table t = TabularReader.read(write("a.csv", "Licence No,NAME\nL1,x\n".getBytes(StandardCharsets.UTF_8)), "a.csv");
        Columns c = t.columns(VenueImportHandler.COLUMNS, Map.of());
        assertEquals("L1", c.get(t.rows().get(0), "licence_no"));
        assertEquals("x", c.get(t.rows().get(0), "name"));
    }

    @Test
    void emptyFileIsABadRequest() throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> TabularReader.read(write("e.csv", new byte[0]), "e.csv"));
        assertEquals(400, e.status());
        ApiException blank = assertThrows(ApiException.class, () -> TabularReader.read(write("b.csv", "\n \n".getBytes()), "b.csv"));
        assertEquals(400, blank.status());
    }

    @Test
    void estimateCountsDataRowsCheaply() throws Exception {
        StringBuilder b = new StringBuilder("name,category\n");
        for (int i = 0; i < 6000; i++) {
            b.append("v").append(i).append(",网吧\n");
        }
        long n = TabularReader.estimateRows(write("big.csv", b.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(6000, n);
        assertTrue(n > ImportService.ASYNC_ROWS, "such a file goes to the background");
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("name", "category"));
        for (int i = 0; i < 20; i++) {
            rows.add(List.of("v" + i, "网吧"));
        }
        assertEquals(20, TabularReader.estimateRows(write("s.xlsx", ImportApiTest.xlsx(rows))));
        assertEquals(2, TabularReader.estimateRows(write("f.geojson", ("{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"a\":{\"b\":[1,2]}},\"geometry\":null},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}]}").getBytes())));
    }
}
