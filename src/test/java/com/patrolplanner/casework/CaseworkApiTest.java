package com.patrolplanner.casework;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.inspection.InspectionApiTest;
import com.patrolplanner.registry.TwoOfficerRule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Penalty cases end to end (issue 16, point 2): the stages from 立案 to 结案, the 90-day decision limit
 * ({@link DecisionDeadlineRule}, 《行政处罚法》第六十条), two certified officers on every act
 * ({@link TwoOfficerRule}, 第四十二条), history and audit of every step, stale versions, bad input, scoping by unit and
 * team, and evidence uploads (checksum, type).
 */
@QuarkusTest
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class CaseworkApiTest {
    static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    // two district units side by side, far from every other fixture: A 103.0–103.1 E, B 103.1–103.2 E × 33.0–33.1 N
    static final double[] A = {103.00, 33.00, 103.10, 33.10};
    static final double[] B = {103.10, 33.00, 103.20, 33.10};

    @Inject
    EntityManager em;
    long unitA;
    long unitB;

    static String box(double[] b) {
        return com.patrolplanner.UnitFixtures.box(b);
    }

    /** The two units and a planner of each, once (RestAssured has its port only per test). */
    @org.junit.jupiter.api.BeforeEach
    void units() {
        if (unitA != 0) {
            return;
        }
        unitA = as("admin").contentType(ContentType.JSON).body("{\"name\":\"案件测试甲区\",\"kind\":\"district\",\"area\":" + box(A) + "}")
                .post("/api/units").then().statusCode(201).extract().jsonPath().getLong("id");
        unitB = as("admin").contentType(ContentType.JSON).body("{\"name\":\"案件测试乙区\",\"kind\":\"district\",\"area\":" + box(B) + "}")
                .post("/api/units").then().statusCode(201).extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] u : new String[][] {{"cw-a-planner", String.valueOf(unitA)}, {"cw-b-planner", String.valueOf(unitB)}}) {
                com.patrolplanner.security.AppUser x = new com.patrolplanner.security.AppUser();
                x.username = u[0];
                x.password = com.patrolplanner.security.AppUser.hash(u[0]);
                x.roles = "planner";
                x.unitId = Long.valueOf(u[1]);
                x.persist();
            }
        });
    }

    /** The units go again, so that unit lists and roll-ups of other tests do not meet them. */
    @org.junit.jupiter.api.AfterAll
    void dropUnits() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String sql : List.of("DELETE FROM evidence_file WHERE unit_id IN (?1, ?2)", "DELETE FROM goods_act WHERE unit_id IN (?1, ?2)",
                    "DELETE FROM issued_document WHERE unit_id IN (?1, ?2)", "DELETE FROM case_file WHERE unit_id IN (?1, ?2)",
                    "DELETE FROM case_counter WHERE unit_id IN (?1, ?2)", "DELETE FROM app_user WHERE username LIKE 'cw-%'",
                    "UPDATE venue SET unit_id = NULL WHERE unit_id IN (?1, ?2)", "DELETE FROM unit WHERE id IN (?1, ?2)")) {
                em.createNativeQuery(sql.replace("?1", String.valueOf(unitA)).replace("?2", String.valueOf(unitB))).executeUpdate();
            }
        });
    }

    /** A violating inspection of a fresh café in 奎文区 by leader1's team, and two certified officers of that team. */
    record Fixture(int team, int venue, int inspection, List<Integer> officers) {
    }

    static Fixture fixture(String inspectedAt) {
        int team = InspectionApiTest.teamOf("leader1");
        int venue = InspectionApiTest.venue("internet_cafe", 119.1 + Math.random() * 0.01, 36.70 + Math.random() * 0.01);
        List<Integer> two = List.of(InspectionApiTest.officer(team, true), InspectionApiTest.officer(team, true));
        Map<String, Object> m = new HashMap<>();
        m.put("venueId", venue);
        m.put("inspectedAt", inspectedAt);
        m.put("officers", two);
        m.put("outcome", "violation");
        m.put("violations", List.of("cafe_id_not_checked"));
        m.put("actions", List.of("case_filed"));
        int inspection = as("leader1").contentType(ContentType.JSON).body(m).post("/api/inspections").then().statusCode(201)
                .extract().path("id");
        return new Fixture(team, venue, inspection, two);
    }

    static Map<String, Object> act(List<Integer> officers, int version, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("officers", officers);
        m.put("version", version);
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }

    static JsonPath open(Fixture f, String filedAt) {
        Map<String, Object> body = new HashMap<>(Map.of("inspectionId", f.inspection(), "cause", "涉嫌未按规定核对登记上网消费者身份证件",
                "officers", f.officers()));
        if (filedAt != null) {
            body.put("filedAt", filedAt);
        }
        return as("leader1").contentType(ContentType.JSON).body(body).post("/api/cases").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aCaseRunsFromFilingToClosing_everyActKeepsWhoAndWhen() {
        Fixture f = fixture(OffsetDateTime.now().minusHours(3).toString());
        JsonPath c = open(f, null);
        int id = c.getInt("id");
        int year = LocalDate.now(SH).getYear();
        assertTrue(c.getString("caseNo").matches("〔" + year + "〕\\d+号"), c.getString("caseNo"));
        assertEquals("filed", c.getString("state"));
        LocalDate filed = OffsetDateTime.parse(c.getString("filedAt")).atZoneSameInstant(SH).toLocalDate();
        assertEquals(filed.plusDays(90).toString(), c.getString("decisionDue"));

        // a notice before any evidence: wrong stage, 409 naming the state
        as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 0, "hearing", "waived")).post("/api/cases/" + id + "/notice")
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("state"));
        as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 0, "description", "现场检查笔录及上网登记记录截图"))
                .post("/api/cases/" + id + "/evidence").then().statusCode(200).body("state", equalTo("investigating"))
                .body("version", equalTo(1)).body("evidence[0].description", equalTo("现场检查笔录及上网登记记录截图"));
        // the version read before the evidence is stale now
        as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 0, "hearing", "waived")).post("/api/cases/" + id + "/notice")
                .then().statusCode(409).body("errors.field", hasItem("version"));
        as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 1, "hearing", "waived")).post("/api/cases/" + id + "/notice")
                .then().statusCode(200).body("state", equalTo("notified")).body("hearing", equalTo("waived"));
        // the decision is a planner's (法制审核 and signature sit with the bureau): a team leader gets 403
        Map<String, Object> decision = act(f.officers(), 2, "penalties", List.of(
                Map.of("kind", "warning", "legalArticle", "《互联网上网服务营业场所管理条例》第三十二条"),
                Map.of("kind", "fine", "amountYuan", 3500, "legalArticle", "《互联网上网服务营业场所管理条例》第三十二条")));
        as("leader1").contentType(ContentType.JSON).body(decision).post("/api/cases/" + id + "/decision").then().statusCode(403);
        as("planner").contentType(ContentType.JSON).body(decision).post("/api/cases/" + id + "/decision").then().statusCode(200)
                .body("state", equalTo("decided")).body("fineYuan", equalTo(3500.0))
                .body("penalties.kind", hasItems("warning", "fine")).body("overdue", equalTo(false));
        // a fine is left to execute: closing now is refused
        as("planner").contentType(ContentType.JSON).body(act(f.officers(), 3)).post("/api/cases/" + id + "/closing")
                .then().statusCode(409);
        as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 3, "result", "paid")).post("/api/cases/" + id + "/execution")
                .then().statusCode(200).body("state", equalTo("executed")).body("execution", equalTo("paid"));
        as("planner").contentType(ContentType.JSON).body(act(f.officers(), 4, "note", "罚款已缴纳，结案"))
                .post("/api/cases/" + id + "/closing").then().statusCode(200).body("state", equalTo("closed"))
                .body("acts.act", equalTo(List.of("file", "evidence", "notice", "decide", "execute", "close")))
                .body("acts.recordedBy", equalTo(List.of("leader1", "leader1", "leader1", "planner", "leader1", "planner")));

        // who and when: a history row and an audit record per step, the certificates of the officers kept in case_act
        as("planner").get("/api/cases/" + id + "/history").then().statusCode(200)
                .body("action", hasItems("file", "evidence", "notice", "decide", "execute", "close"));
        as("admin").queryParam("entityType", "case").queryParam("entityId", String.valueOf(id)).get("/api/audit").then()
                .statusCode(200).body("action", hasItems("file", "evidence", "notice", "decide", "execute", "close"));
        long acts = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM case_act WHERE case_id = ?1 AND cardinality(officer_ids) >= 2 AND cardinality(certificates) >= 2")
                .setParameter(1, id).getSingleResult()).longValue());
        assertEquals(6, acts);
        // nothing after closing
        as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 5, "description", "补充")).post("/api/cases/" + id + "/evidence")
                .then().statusCode(409);
    }

    /** 《行政处罚法》第六十条: the decision within ninety days of filing, the day of filing not counted. */
    @Test
    void administrativePenaltyLawArticle60_decisionWithin90DaysOfFiling() {
        assertEquals(LocalDate.of(2026, 5, 30), DecisionDeadlineRule.due(LocalDate.of(2026, 3, 1), 0));
        assertEquals(LocalDate.of(2026, 6, 29), DecisionDeadlineRule.due(LocalDate.of(2026, 3, 1), 30));
        assertTrue(DecisionDeadlineRule.LEGAL_BASIS.contains("第六十条") && DecisionDeadlineRule.LEGAL_BASIS.contains("九十日"));
        assertFalse(DecisionDeadlineRule.overdue(LocalDate.of(2026, 5, 30), null, LocalDate.of(2026, 5, 30)));
        assertTrue(DecisionDeadlineRule.overdue(LocalDate.of(2026, 5, 30), null, LocalDate.of(2026, 5, 31)));

        // filed 100 days ago, undecided: overdue by 10 days, listed under ?overdue=true
        OffsetDateTime filedAt = OffsetDateTime.now(SH).minusDays(100);
        Fixture f = fixture(filedAt.minusHours(2).toString());
        int id = open(f, filedAt.toString()).getInt("id");
        LocalDate due = filedAt.toLocalDate().plusDays(90);
        long left = ChronoUnit.DAYS.between(LocalDate.now(SH), due);
        as("planner").get("/api/cases/" + id).then().statusCode(200).body("overdue", equalTo(true))
                .body("decisionDue", equalTo(due.toString())).body("daysLeft", equalTo((int) left))
                .body("deadlineRule.code", equalTo(DecisionDeadlineRule.CODE));
        as("planner").get("/api/cases?overdue=true&limit=1000").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.overdue", everyItem(equalTo(true)));
        // an extension needs who approved it and why; with them the due date moves by the days granted
        as("planner").contentType(ContentType.JSON).body(act(f.officers(), 0, "days", 30)).post("/api/cases/" + id + "/extension")
                .then().statusCode(422).body("errors.field", hasItems("approvedBy", "note"));
        as("planner").contentType(ContentType.JSON).body(act(f.officers(), 0, "days", 30, "approvedBy", "局长 王某", "note", "案情复杂"))
                .post("/api/cases/" + id + "/extension").then().statusCode(200)
                .body("decisionDue", equalTo(due.plusDays(30).toString())).body("overdue", equalTo(false))
                .body("extensionDays", equalTo(30));
    }

    /** 《行政处罚法》第四十二条: every act on a case by at least two officers with enforcement certificates. */
    @Test
    void administrativePenaltyLawArticle42_twoCertifiedOfficersOnEveryAct() {
        assertEquals(2, TwoOfficerRule.MIN_CERTIFIED_OFFICERS);
        Fixture f = fixture(OffsetDateTime.now().minusHours(2).toString());
        int uncertified = InspectionApiTest.officer(f.team(), false);
        as("leader1").contentType(ContentType.JSON).body(Map.of("inspectionId", f.inspection(), "cause", "案由",
                "officers", List.of(f.officers().get(0)))).post("/api/cases").then().statusCode(422)
                .body("errors.field", hasItem("officers"));
        as("leader1").contentType(ContentType.JSON).body(Map.of("inspectionId", f.inspection(), "cause", "案由",
                "officers", List.of(f.officers().get(0), uncertified))).post("/api/cases").then().statusCode(422)
                .body("errors.field", hasItems("officers", "officers[1]"));
        int id = open(f, null).getInt("id");
        // evidence with one officer: refused, nothing written
        as("leader1").contentType(ContentType.JSON).body(act(List.of(f.officers().get(0)), 0, "description", "笔录"))
                .post("/api/cases/" + id + "/evidence").then().statusCode(422).body("errors.field", hasItem("officers"));
        as("leader1").get("/api/cases/" + id).then().body("version", equalTo(0)).body("evidence.size()", equalTo(0))
                .body("acts.size()", equalTo(1));
        // a goods act and a document too
        as("leader1").contentType(ContentType.JSON).body(Map.of("act", "detained", "kind", "computers", "quantity", 3,
                "inspectionId", f.inspection(), "officers", List.of(f.officers().get(1)))).post("/api/goods").then().statusCode(422)
                .body("errors.field", hasItem("officers"));
        as("leader1").contentType(ContentType.JSON).body(Map.of("kind", "rectification_notice", "inspectionId", f.inspection(),
                "deadline", LocalDate.now(SH).plusDays(7).toString(), "officers", List.of(uncertified, f.officers().get(0))))
                .post("/api/documents").then().statusCode(422).body("errors.field", hasItem("officers"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        Fixture f = fixture(OffsetDateTime.now().minusHours(2).toString());
        long before = cases();
        as("leader1").contentType(ContentType.JSON).body(Map.of("inspectionId", f.inspection(), "officers", f.officers()))
                .post("/api/cases").then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("cause"));
        as("leader1").contentType(ContentType.JSON).body(Map.of("inspectionId", f.inspection(), "cause", "x", "officers", f.officers(),
                "filedAt", OffsetDateTime.now().plusDays(3).toString())).post("/api/cases").then().statusCode(422)
                .body("errors.field", hasItem("filedAt"));
        as("leader1").contentType(ContentType.JSON).body(Map.of("inspectionId", 987654321, "cause", "x", "officers", f.officers()))
                .post("/api/cases").then().statusCode(404).contentType("application/problem+json");
        assertEquals(before, cases());
        // an inspection without violations cannot be filed
        Map<String, Object> ok = new HashMap<>(Map.of("venueId", f.venue(), "inspectedAt", OffsetDateTime.now().minusHours(1).toString(),
                "officers", f.officers(), "outcome", "compliant"));
        int clean = as("leader1").contentType(ContentType.JSON).body(ok).post("/api/inspections").then().statusCode(201).extract().path("id");
        as("leader1").contentType(ContentType.JSON).body(Map.of("inspectionId", clean, "cause", "x", "officers", f.officers()))
                .post("/api/cases").then().statusCode(422).body("errors.field", hasItem("inspectionId"));

        int id = open(f, null).getInt("id");
        as("leader1").contentType(ContentType.JSON).body(Map.of("inspectionId", f.inspection(), "cause", "again", "officers", f.officers()))
                .post("/api/cases").then().statusCode(409);
        as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 0, "description", "笔录")).post("/api/cases/" + id + "/evidence")
                .then().statusCode(200);
        as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 1, "hearing", "maybe")).post("/api/cases/" + id + "/notice")
                .then().statusCode(422).body("errors.field", hasItem("hearing"));
        as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 1, "hearing", "requested")).post("/api/cases/" + id + "/notice")
                .then().statusCode(200);
        as("planner").contentType(ContentType.JSON).body(act(f.officers(), 2, "penalties", List.of(Map.of("kind", "fine", "legalArticle", "第三十二条"),
                Map.of("kind", "revoke"), Map.of("kind", "jail", "legalArticle", "x")))).post("/api/cases/" + id + "/decision")
                .then().statusCode(422).body("errors.field", hasItems("penalties[0].amountYuan", "penalties[1].legalArticle", "penalties[2].kind"));
        as("planner").contentType(ContentType.JSON).body(act(f.officers(), 2)).post("/api/cases/" + id + "/decision")
                .then().statusCode(422).body("errors.field", hasItem("penalties"));
        as("planner").get("/api/cases/" + id).then().body("state", equalTo("notified")).body("penalties.size()", equalTo(0));
        as("planner").get("/api/cases?state=nonsense").then().statusCode(400).body("errors.field", hasItem("state"));
        as("planner").get("/api/cases?limit=0").then().statusCode(400);
        as("planner").contentType(ContentType.JSON).body(Map.of("date", LocalDate.now(SH).toString(), "kind", "training", "quantity", 1))
                .post("/api/work-log").then().statusCode(422).body("errors.field", hasItem("persons"));
        as("planner").contentType(ContentType.JSON).body(Map.of("date", LocalDate.now(SH).toString(), "kind", "joint_operation", "quantity", 1,
                "partners", List.of("公安", "外星人"))).post("/api/work-log").then().statusCode(422).body("errors.field", hasItem("partners[1]"));
    }

    long cases() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM case_file")
                .getSingleResult()).longValue());
    }

    @Test
    void anotherUnitsOrTeamsCaseIsNotFoundAndNotListed() {
        // team: leader2 does not see leader1's case
        Fixture f = fixture(OffsetDateTime.now().minusHours(2).toString());
        int id = open(f, null).getInt("id");
        as("leader2").get("/api/cases/" + id).then().statusCode(404).contentType("application/problem+json");
        as("leader2").get("/api/cases?limit=1000").then().statusCode(200).body("items.id", not(hasItem(id)));
        as("leader2").contentType(ContentType.JSON).body(act(f.officers(), 0, "description", "x"))
                .post("/api/cases/" + id + "/evidence").then().statusCode(404);
        as("manager").get("/api/cases/" + id).then().statusCode(200);

        // unit: a case of a venue in A is A's; B's planner gets 404 and does not count it
        int venue = as("cw-a-planner").contentType(ContentType.JSON).body(Map.of("name", "案件测试网吧", "category", "internet_cafe",
                "lon", 103.05, "lat", 33.05)).post("/api/venues").then().statusCode(201).extract().path("id");
        List<Integer> two = List.of(InspectionApiTest.officer(null, true), InspectionApiTest.officer(null, true));
        Map<String, Object> m = new HashMap<>(Map.of("venueId", venue, "inspectedAt", OffsetDateTime.now().minusHours(1).toString(),
                "officers", two, "outcome", "violation", "violations", List.of("cafe_minors_admitted")));
        int inspection = as("cw-a-planner").contentType(ContentType.JSON).body(m).post("/api/inspections").then().statusCode(201)
                .extract().path("id");
        as("cw-b-planner").contentType(ContentType.JSON).body(Map.of("inspectionId", inspection, "cause", "x", "officers", two))
                .post("/api/cases").then().statusCode(404);
        JsonPath c = as("cw-a-planner").contentType(ContentType.JSON).body(Map.of("inspectionId", inspection, "cause", "接纳未成年人",
                "officers", two)).post("/api/cases").then().statusCode(201).extract().jsonPath();
        int caseA = c.getInt("id");
        assertEquals(unitA, c.getLong("unitId"));
        assertEquals("〔" + LocalDate.now(SH).getYear() + "〕1号", c.getString("caseNo"), "numbered per unit and year: A's first");
        as("cw-b-planner").get("/api/cases/" + caseA).then().statusCode(404);
        as("cw-b-planner").get("/api/cases?limit=1000").then().statusCode(200).body("numberMatched", equalTo(0));
        as("cw-a-planner").get("/api/cases?limit=1000").then().statusCode(200).body("numberMatched", equalTo(1))
                .body("items.id", equalTo(List.of(caseA)));
        as("planner").get("/api/cases/" + caseA).then().statusCode(200);
        // documents and goods follow the unit too
        int doc = as("cw-a-planner").contentType(ContentType.JSON).body(Map.of("kind", "rectification_notice", "inspectionId", inspection,
                "deadline", LocalDate.now(SH).plusDays(10).toString(), "officers", two)).post("/api/documents").then().statusCode(201)
                .body("docNo", equalTo("责改〔" + LocalDate.now(SH).getYear() + "〕1号")).extract().path("id");
        as("cw-b-planner").get("/api/documents/" + doc).then().statusCode(404);
        int g = as("cw-a-planner").contentType(ContentType.JSON).body(Map.of("act", "detained", "kind", "computers", "quantity", 4,
                "inspectionId", inspection, "officers", two)).post("/api/goods").then().statusCode(201).extract().path("id");
        as("cw-b-planner").get("/api/goods/" + g).then().statusCode(404);
        as("cw-b-planner").get("/api/goods?limit=1000").then().body("items.id", not(hasItem(g)));
        // a provisional stall in A is A's planners' to review
        int stall = as("cw-a-planner").contentType(ContentType.JSON).body(Map.of("category", "publication", "lon", 103.06, "lat", 33.06))
                .post("/api/field/stalls").then().statusCode(201).extract().path("id");
        as("cw-a-planner").get("/api/field/stalls").then().body("items.id", hasItem(stall));
        as("cw-b-planner").get("/api/field/stalls").then().body("items.id", not(hasItem(stall)));
    }

    @Test
    void evidenceFilesKeepTheirChecksumAndRefuseOtherTypes() throws Exception {
        Fixture f = fixture(OffsetDateTime.now().minusHours(2).toString());
        int id = open(f, null).getInt("id");
        int evidence = as("leader1").contentType(ContentType.JSON).body(act(f.officers(), 0, "description", "现场照片"))
                .post("/api/cases/" + id + "/evidence").then().statusCode(200).extract().path("evidence[0].id");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3, 4};
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        String url = "/api/cases/" + id + "/evidence/" + evidence + "/files";
        int file = as("leader1").multiPart("file", "现场.png", png, "image/png").post(url).then().statusCode(201)
                .body("sha256", equalTo(sha)).body("sizeBytes", equalTo(png.length)).extract().path("id");
        byte[] back = as("manager").get("/api/cases/files/" + file).then().statusCode(200).header("ETag", "\"" + sha + "\"")
                .extract().asByteArray();
        assertArrayEquals(png, back);
        as("planner").get("/api/cases/" + id).then().body("evidence[0].files[0].sha256", equalTo(sha));
        // a type not accepted: 415; a text file declared as PNG: 422; both name the file
        as("leader1").multiPart("file", "a.txt", "hello".getBytes(), "text/plain").post(url).then().statusCode(415)
                .contentType("application/problem+json").body("errors.field", hasItem("file"));
        as("leader1").multiPart("file", "fake.png", "not a picture".getBytes(), "image/png").post(url).then().statusCode(422)
                .body("errors.field", hasItem("file"));
        as("leader2").get("/api/cases/files/" + file).then().statusCode(404);
        // a field photo of the inspection, before any case
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        as("leader1").multiPart("file", "photo.jpg", jpeg, "image/jpeg").post("/api/field/inspections/" + f.inspection() + "/photos")
                .then().statusCode(201).body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg))));
        as("leader1").get("/api/field/inspections/" + f.inspection() + "/photos").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(1));
        as("leader2").get("/api/field/inspections/" + f.inspection() + "/photos").then().statusCode(404);
    }

    @Test
    void anUnregisteredStallBecomesAProvisionalVenueForReview() {
        JsonPath s = as("leader1").contentType(ContentType.JSON).body(Map.of("name", "校门口流动书摊", "category", "publication",
                "lon", 119.105, "lat", 36.705)).post("/api/field/stalls").then().statusCode(201).extract().jsonPath();
        int id = s.getInt("id");
        assertEquals("unlicensed", s.getString("status"));
        assertEquals("review", s.getString("geocodeStatus"));
        as("planner").get("/api/field/stalls?limit=1000").then().statusCode(200).body("items.id", hasItem(id));
        as("planner").get("/api/venues/" + id + "/history").then().statusCode(200).body("action", hasItems("create", "locate"));
        as("admin").queryParam("entityType", "venue").queryParam("entityId", String.valueOf(id)).get("/api/audit").then()
                .body("action", hasItem("create")).body("[0].actor", matchesRegex("leader1"));
        as("leader1").contentType(ContentType.JSON).body(Map.of("category", "publication")).post("/api/field/stalls").then()
                .statusCode(422).body("errors.field", hasItems("lon", "lat"));
    }
}
