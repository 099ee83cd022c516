package com.patrolplanner.report;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.casework.GoodsAct;
import com.patrolplanner.inspection.InspectionApiTest;
import com.patrolplanner.inspection.SeizedKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The half-year summary as the Word and Excel files bureaus send upward (issue 16, point 8). A fixture in 2013 H1 (a
 * period no other test uses) with a closed case, goods collected, detained, confiscated and destroyed, documents and a
 * work log; the DOCX and the XLSX are converted by LibreOffice headless and their text is checked against figures
 * computed here in SQL from the tables, not from the report.
 */
@QuarkusTest
class SummaryDocumentTest {
    static final String FROM = "2013-01-01";
    static final String TO = "2013-06-30";
    static final String PERIOD = "from=" + FROM + "&to=" + TO;
    static final String IN_PERIOD = " >= '2013-01-01T00:00:00+08:00' AND %s < '2013-07-01T00:00:00+08:00'";

    @Inject
    EntityManager em;

    long sql(String q) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(q).getSingleResult()).longValue());
    }

    static String between(String column) {
        return column + String.format(IN_PERIOD, column);
    }

    static int inspect(int venue, String at, List<Integer> officers, String outcome, List<String> violations,
            Map<String, Integer> seized) {
        Map<String, Object> m = new HashMap<>(Map.of("venueId", venue, "inspectedAt", at, "officers", officers, "outcome", outcome,
                "violations", violations));
        if (seized != null) {
            m.put("seized", seized);
        }
        return as("planner").contentType(ContentType.JSON).body(m).post("/api/inspections").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> act(List<Integer> officers, int version, String at, Object... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("officers", officers, "version", version, "at", at));
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }

    /** Rule DETENTION_IS_NOT_COLLECTION: computers taken on the spot are 扣押, the other kinds 收缴. */
    @Test
    void detentionIsNotCollection_扣押不计入收缴() {
        assertEquals(GoodsAct.DETAINED, GoodsAct.ofInspectionRecord(SeizedKind.COMPUTERS));
        assertEquals(GoodsAct.COLLECTED, GoodsAct.ofInspectionRecord(SeizedKind.ILLEGAL_PUBLICATIONS));
        assertEquals(GoodsAct.COLLECTED, GoodsAct.ofInspectionRecord(SeizedKind.DISCS));
        assertTrue(GoodsAct.DETAINED.temporary() && !GoodsAct.COLLECTED.temporary());
    }

    @Test
    void theWordAndExcelFilesCarryTheFiguresOfTheTables() throws Exception {
        int team = InspectionApiTest.teamOf("leader1");
        List<Integer> two = List.of(InspectionApiTest.officer(team, true), InspectionApiTest.officer(team, true));
        List<Integer> three = List.of(two.get(0), two.get(1), InspectionApiTest.officer(team, true));
        int cafe = InspectionApiTest.venue("internet_cafe", 119.121, 36.721);
        int shop = InspectionApiTest.venue("publication", 119.122, 36.722);
        // one outing of the team on 3 March: two venues, crews of 3 and 2 → 5 per visit, 3 per outing
        int i1 = inspect(cafe, "2013-03-03T10:00:00+08:00", three, "violation", List.of("cafe_id_not_checked"),
                Map.of("computers", 40));
        inspect(shop, "2013-03-03T11:00:00+08:00", two, "violation", List.of("publication_illegal"), Map.of("illegal_publications", 125));
        // the case of the café: filed, evidence, notice, decision (fine 12,000 yuan and confiscation), paid, closed
        int c = as("planner").contentType(ContentType.JSON).body(Map.of("inspectionId", i1, "cause", "未核对登记身份证件",
                "officers", two, "filedAt", "2013-03-04T09:00:00+08:00")).post("/api/cases").then().statusCode(201).extract().path("id");
        String base = "/api/cases/" + c;
        as("planner").contentType(ContentType.JSON).body(act(two, 0, "2013-03-05T09:00:00+08:00", "description", "笔录")).post(base + "/evidence").then().statusCode(200);
        as("planner").contentType(ContentType.JSON).body(act(two, 1, "2013-03-10T09:00:00+08:00", "hearing", "requested")).post(base + "/notice").then().statusCode(200);
        as("planner").contentType(ContentType.JSON).body(act(two, 2, "2013-04-01T09:00:00+08:00", "penalties", List.of(
                Map.of("kind", "fine", "amountYuan", 12000, "legalArticle", "《互联网上网服务营业场所管理条例》第三十二条"),
                Map.of("kind", "confiscate_property", "legalArticle", "《互联网上网服务营业场所管理条例》第三十二条"))))
                .post(base + "/decision").then().statusCode(200);
        as("planner").contentType(ContentType.JSON).body(act(two, 3, "2013-04-10T09:00:00+08:00", "result", "paid")).post(base + "/execution").then().statusCode(200);
        as("planner").contentType(ContentType.JSON).body(act(two, 4, "2013-04-11T09:00:00+08:00")).post(base + "/closing").then().statusCode(200);
        // goods: 30 discs confiscated by the decision, 2000 destroyed centrally on 25 April (witnessed)
        as("planner").contentType(ContentType.JSON).body(Map.of("act", "confiscated", "kind", "discs", "quantity", 30, "caseId", c,
                "officers", two, "at", "2013-04-02T10:00:00+08:00")).post("/api/goods").then().statusCode(201);
        as("planner").contentType(ContentType.JSON).body(Map.of("act", "destroyed", "kind", "discs", "quantity", 2000,
                "place", "影剧院广场", "witnesses", List.of("公证员 李某"), "officers", two, "at", "2013-04-25T10:00:00+08:00"))
                .post("/api/goods").then().statusCode(201);
        // two rectification advices, the work log
        for (int k = 0; k < 2; k++) {
            as("planner").contentType(ContentType.JSON).body(Map.of("kind", "rectification_advice", "venueId", cafe, "officers", two,
                    "issuedAt", "2013-05-0" + (k + 1) + "T10:00:00+08:00", "deadline", "2013-05-20")).post("/api/documents").then().statusCode(201);
        }
        Object[][] log = {{"article", 15, null}, {"info_item", 104, null}, {"briefing", 24, null}, {"training", 2, 1342},
            {"warning_signs", 127, null}, {"responsibility_letter", 42, null}};
        for (Object[] l : log) {
            Map<String, Object> m = new HashMap<>(Map.of("date", "2013-05-10", "kind", l[0], "quantity", l[1]));
            if (l[2] != null) {
                m.put("persons", l[2]);
            }
            as("planner").contentType(ContentType.JSON).body(m).post("/api/work-log").then().statusCode(201);
        }
        as("planner").contentType(ContentType.JSON).body(Map.of("date", "2013-05-11", "kind", "joint_operation", "quantity", 1,
                "partners", List.of("公安", "市场监管"))).post("/api/work-log").then().statusCode(201);

        // ---- figures computed here from the tables (the planner sees every unit)
        long filed = sql("SELECT count(*) FROM case_file WHERE " + between("filed_at"));
        long closed = sql("SELECT count(*) FROM case_file WHERE " + between("closed_at"));
        BigDecimal fines = QuarkusTransaction.requiringNew().call(() -> (BigDecimal) em.createNativeQuery(
                "SELECT sum(p.amount_yuan) FROM case_penalty p JOIN case_file c ON c.id = p.case_id WHERE p.kind = 'fine' AND "
                        + between("c.decided_at")).getSingleResult());
        long detained = sql("SELECT coalesce(sum((seized->>'computers')::int), 0) FROM inspection WHERE " + between("inspected_at"))
                + sql("SELECT coalesce(sum(quantity), 0) FROM goods_act WHERE act = 'detained' AND kind = 'computers' AND " + between("acted_at"));
        long collectedBooks = sql("SELECT coalesce(sum((seized->>'illegal_publications')::int), 0) FROM inspection WHERE " + between("inspected_at"));
        long destroyed = sql("SELECT coalesce(sum(quantity), 0) FROM goods_act WHERE act = 'destroyed' AND kind = 'discs' AND " + between("acted_at"));
        long advices = sql("SELECT count(*) FROM issued_document WHERE kind = 'rectification_advice' AND " + between("issued_at"));
        long articles = sql("SELECT coalesce(sum(quantity), 0) FROM work_log WHERE kind = 'article' AND log_date BETWEEN '2013-01-01' AND '2013-06-30'");
        long trained = sql("SELECT coalesce(sum(persons), 0) FROM work_log WHERE kind = 'training' AND log_date BETWEEN '2013-01-01' AND '2013-06-30'");
        long signs = sql("SELECT coalesce(sum(quantity), 0) FROM work_log WHERE kind = 'warning_signs' AND log_date BETWEEN '2013-01-01' AND '2013-06-30'");
        long visits = sql("SELECT coalesce(sum(officer_count), 0) FROM inspection WHERE " + between("inspected_at"));
        long outings = sql("SELECT coalesce(sum(m), 0) FROM (SELECT max(officer_count) m FROM inspection WHERE " + between("inspected_at")
                + " GROUP BY coalesce(team_id, -id), (inspected_at AT TIME ZONE 'Asia/Shanghai')::date) x");
        assertEquals(1, filed);
        assertEquals(5, visits);
        assertEquals(3, outings);

        JsonPath json = as("manager").get("/api/reports/period?" + PERIOD).then().statusCode(200).extract().jsonPath();
        assertEquals(outings, json.getLong("officerOutings"));
        assertEquals(visits, json.getLong("officerVisits"));

        // ---- the Word file through LibreOffice
        byte[] docx = as("manager").get("/api/reports/period?" + PERIOD + "&format=docx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").extract().asByteArray();
        String text = convert(docx, "docx", "txt:Text (encoded):UTF8", "txt");
        assertTrue(text.contains("2013年上半年文化市场综合执法工作统计"), text);
        assertTrue(text.contains("共出动执法人员" + outings + "人次（按每次出动的执法人员计；按检查家次累计" + visits + "人次）"), text);
        assertTrue(text.contains("立案查处" + filed + "起"), text);
        assertTrue(text.contains("结案" + closed + "起"), text);
        assertTrue(text.contains("罚款" + fines.movePointLeft(4).stripTrailingZeros().toPlainString() + "万元"), text);
        assertTrue(text.contains("扣押电脑主机" + detained + "台"), text);
        assertTrue(text.contains("收缴非法出版物" + (collectedBooks / 10 * 10) + (collectedBooks % 10 == 0 ? "" : "余") + "册"), text);
        assertFalse(text.matches("(?s).*收缴[^；。\\n]*电脑主机.*"), "扣押 is not 收缴: " + text);
        assertTrue(text.contains("销毁非法音像制品" + destroyed + "盘"), text);
        assertTrue(text.contains("没收非法音像制品30盘"), text);
        assertTrue(text.contains("整改建议书" + advices + "份"), text);
        assertTrue(text.contains("刊登稿件" + articles + "件"), text);
        assertTrue(text.contains((trained / 100 * 100) + "余人次"), text);
        assertTrue(text.contains("发放警示标识牌" + signs + "套"), text);
        assertTrue(text.contains("联合公安、市场监管等部门开展联合执法行动1次"), text);
        assertTrue(text.contains("主要数据统计表"), text);
        assertTrue(text.contains("2013年7月1日"), text);

        // ---- the workbook's first sheet (汇总) through LibreOffice as CSV
        byte[] xlsx = as("manager").get("/api/reports/period?" + PERIOD + "&format=xlsx").then().statusCode(200).extract().asByteArray();
        String csv = convert(xlsx, "xlsx", "csv:Text - txt - csv (StarCalc):44,34,76", "csv");
        assertTrue(csv.contains("指标,数值,单位"), csv);
        assertTrue(csv.contains("立案," + filed + ",起"), csv);
        assertTrue(csv.contains("罚款金额," + fines.stripTrailingZeros().toPlainString() + ",元"), csv);
        assertTrue(csv.contains("扣押电脑主机," + detained + ",台"), csv);
        assertTrue(csv.contains("收缴非法出版物," + collectedBooks + ",册"), csv);
        assertTrue(csv.contains("销毁非法音像制品," + destroyed + ",盘"), csv);
        assertTrue(csv.contains("出动执法人员（按出动计）," + outings + ",人次"), csv);
        assertTrue(csv.contains("出动执法人员（按检查家次累计）," + visits + ",人次"), csv);
        assertTrue(csv.contains("下发整改建议书," + advices + ",份"), csv);
        assertFalse(csv.matches("(?s).*[A-Za-z]{3,}.*"), "Chinese headers only: " + csv);
    }

    /** Converts with LibreOffice headless (installed by ./planner test: ensure_libreoffice) and returns the text. */
    static String convert(byte[] bytes, String ext, String filter, String outExt) throws Exception {
        Path dir = Files.createTempDirectory("pp-lo-");
        Path in = dir.resolve("report." + ext);
        Files.write(in, bytes);
        Process p = new ProcessBuilder("soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--convert-to", filter, "--outdir", dir.toString(), in.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "soffice did not finish: " + log);
        Path out = dir.resolve("report." + outExt);
        assertTrue(Files.exists(out), "soffice wrote nothing: " + log);
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
