package com.patrolplanner.complaint;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.inspection.InspectionApiTest;
import com.patrolplanner.security.AppUser;
import com.patrolplanner.time.BureauClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Complaints (举报投诉, issue 16 point 1): every state transition through {@code POST /api/complaints/{id}/actions},
 * bad input (problem+json naming the field, nothing written), stale versions, the deadline rules by name, scoping by
 * unit and team, masking of the reporter, exports without the reporter, the venue's count from the records.
 */
@QuarkusTest
class ComplaintApiTest {
    static final String PHONE = "13812345678";

    @Inject
    DataSource db;

    static Map<String, Object> atVenue(long venue) {
        Map<String, Object> m = new HashMap<>();
        m.put("source", "hotline_12318");
        m.put("venueId", venue);
        m.put("content", "反映该网吧接纳未成年人");
        m.put("reporterName", "王先生");
        m.put("reporterContact", PHONE);
        return m;
    }

    static JsonPath create(Map<String, Object> body) {
        return as("planner").contentType(ContentType.JSON).body(body).post("/api/complaints").then().log().ifValidationFails()
                .statusCode(201).extract().jsonPath();
    }

    static JsonPath act(String user, long id, Map<String, Object> action) {
        return as(user).contentType(ContentType.JSON).body(action).post("/api/complaints/" + id + "/actions").then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> action(String name, int version, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("action", name);
        m.put("version", version);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    int ruleDays(String code) throws Exception {
        return (int) count("SELECT days FROM complaint_deadline_rule WHERE code = '" + code + "'");
    }

    @Test
    void receivedAcceptedDispatchedVerifiedClosed() throws Exception {
        int team = InspectionApiTest.teamOf("leader1");
        int venue = InspectionApiTest.venue("internet_cafe", 119.151, 36.721);
        int a = InspectionApiTest.officer(team, true);
        int b = InspectionApiTest.officer(team, true);
        OffsetDateTime received = OffsetDateTime.now().minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> in = atVenue(venue);
        in.put("receivedAt", received.toString());
        JsonPath c = create(in);
        long id = c.getLong("id");
        // received: the venue's position and category are taken over; due by the accept rule, days counted from receipt
        assertEquals("received", c.getString("state"));
        assertEquals("internet_cafe", c.getString("category"));
        assertEquals("COMPLAINT_ACCEPT_DEADLINE", c.getString("dueRule"));
        // the accept rule counts working days (V220): 24:00 of the 5th working day after the day of receipt, by SQL
        assertEquals(WorkingDayDeadlineTest.workingDue(db, received, ruleDays("COMPLAINT_ACCEPT_DEADLINE")),
                OffsetDateTime.parse(c.getString("dueAt")).toInstant());
        assertFalse(c.getBoolean("overdue"));

        JsonPath acc = act("planner", id, action("accept", c.getInt("version")));
        assertEquals("accepted", acc.getString("state"));
        assertEquals("COMPLAINT_VERIFY_DEADLINE", acc.getString("dueRule"));
        // leader1 sees nothing before dispatch
        as("leader1").get("/api/complaints/" + id).then().statusCode(404);

        String deadline = BureauClock.today().plusDays(3).toString();
        JsonPath dis = act("planner", id, action("dispatch", acc.getInt("version"), "teamId", team, "deadline", deadline));
        assertEquals("dispatched", dis.getString("state"));
        assertEquals(team, dis.getInt("teamId"));
        assertEquals("DISPATCH_DEADLINE", dis.getString("dueRule"));
        assertEquals(BureauClock.today().plusDays(4).atStartOfDay(BureauClock.ZONE).toInstant().minusSeconds(1),
                OffsetDateTime.parse(dis.getString("dueAt")).toInstant(), "a date as deadline means the end of that day");
        // the team it went to sees it (reporter masked), another team does not
        as("leader1").get("/api/complaints/" + id).then().statusCode(200)
                .body("reporterContact", equalTo("138****5678")).body("reporterName", equalTo("王**"))
                .body("contactMasked", equalTo(true));
        as("leader2").get("/api/complaints/" + id).then().statusCode(404);
        as("leader2").get("/api/complaints?limit=1000").then().statusCode(200).body("items.id", not(hasItem((int) id)));

        // the team checks the venue and links its inspection
        Map<String, Object> rec = new HashMap<>();
        rec.put("venueId", venue);
        rec.put("inspectedAt", OffsetDateTime.now().minusMinutes(30).toString());
        rec.put("officers", List.of(a, b));
        rec.put("outcome", "violation");
        rec.put("violations", List.of("cafe_minors_admitted"));
        int inspection = as("leader1").contentType(ContentType.JSON).body(rec).post("/api/inspections").then()
                .statusCode(201).extract().path("id");
        JsonPath ver = act("leader1", id, action("verify", dis.getInt("version"), "inspectionId", inspection));
        assertEquals("verified", ver.getString("state"));
        assertEquals(inspection, ver.getInt("inspectionId"));
        assertEquals("COMPLAINT_REPLY_DEADLINE", ver.getString("dueRule"));
        // a team leader may verify but not close
        as("leader1").contentType(ContentType.JSON).body(action("close", ver.getInt("version"), "result", "x", "reply", "y"))
                .post("/api/complaints/" + id + "/actions").then().statusCode(403);

        JsonPath closed = act("planner", id, action("close", ver.getInt("version"), "result", "经核查属实，已责令整改",
                "reply", "已电话答复举报人"));
        assertEquals("closed", closed.getString("state"));
        assertTrue(closed.getBoolean("closedOnTime"));
        assertEquals((Object) null, closed.get("dueAt"));
        assertEquals(PHONE, closed.getString("reporterContact"), "planners read the contact");

        // history: one row per step, newest first; each write also in the audit trail
        as("planner").get("/api/complaints/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("close", "verify", "dispatch", "accept", "create")));
        assertEquals(5, count("SELECT count(*) FROM audit_log WHERE entity_type = 'complaint' AND entity_id = '" + id + "'"));
        // a closed complaint takes no more steps
        as("planner").contentType(ContentType.JSON).body(action("accept", closed.getInt("version")))
                .post("/api/complaints/" + id + "/actions").then().statusCode(409);
    }

    @Test
    void declineNeedsAReasonAndStaleVersionIs409() throws Exception {
        int venue = InspectionApiTest.venue("song_dance", 119.152, 36.722);
        JsonPath c = create(atVenue(venue));
        long id = c.getLong("id");
        int v = c.getInt("version");
        // no reason: 422 naming it, nothing changed
        as("planner").contentType(ContentType.JSON).body(action("decline", v)).post("/api/complaints/" + id + "/actions")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        as("planner").get("/api/complaints/" + id).then().body("state", equalTo("received")).body("version", equalTo(v));
        // stale version: 409
        as("planner").contentType(ContentType.JSON).body(action("decline", v + 1, "reason", "x"))
                .post("/api/complaints/" + id + "/actions").then().statusCode(409);
        JsonPath d = act("planner", id, action("decline", v, "reason", "不属于文化市场执法职责"));
        assertEquals("declined", d.getString("state"));
        assertEquals((Object) null, d.get("dueAt"));
        // declined is final; a dispatch needs an accepted complaint
        as("planner").contentType(ContentType.JSON).body(action("accept", d.getInt("version")))
                .post("/api/complaints/" + id + "/actions").then().statusCode(409);
        // an unknown action names the field
        as("planner").contentType(ContentType.JSON).body(action("approve", d.getInt("version")))
                .post("/api/complaints/" + id + "/actions").then().statusCode(422).body("errors.field", hasItem("action"));
    }

    @Test
    void badIntakeNamesTheFieldAndWritesNothing() throws Exception {
        long before = count("SELECT count(*) FROM complaint");
        int venue = InspectionApiTest.venue("internet_cafe", 119.153, 36.723);
        List<Object[]> cases = new ArrayList<>();
        Map<String, Object> noSource = atVenue(venue);
        noSource.remove("source");
        cases.add(new Object[] {noSource, "source"});
        Map<String, Object> badSource = atVenue(venue);
        badSource.put("source", "pigeon");
        cases.add(new Object[] {badSource, "source"});
        Map<String, Object> noContent = atVenue(venue);
        noContent.remove("content");
        cases.add(new Object[] {noContent, "content"});
        Map<String, Object> noSubject = atVenue(venue);
        noSubject.remove("venueId");
        noSubject.put("category", "网吧");
        cases.add(new Object[] {noSubject, "venueId"});
        Map<String, Object> lonOnly = atVenue(venue);
        lonOnly.remove("venueId");
        lonOnly.put("category", "网吧");
        lonOnly.put("lon", 119.15);
        cases.add(new Object[] {lonOnly, "lat"});
        Map<String, Object> pointNoCategory = atVenue(venue);
        pointNoCategory.remove("venueId");
        pointNoCategory.put("lon", 119.15);
        pointNoCategory.put("lat", 36.72);
        cases.add(new Object[] {pointNoCategory, "category"});
        Map<String, Object> referral = atVenue(venue);
        referral.put("source", "referral_department");
        cases.add(new Object[] {referral, "referredBy"});
        Map<String, Object> future = atVenue(venue);
        future.put("receivedAt", OffsetDateTime.now().plusDays(2).toString());
        cases.add(new Object[] {future, "receivedAt"});
        Map<String, Object> badDate = atVenue(venue);
        badDate.put("receivedAt", "yesterday");
        cases.add(new Object[] {badDate, "receivedAt"});
        Map<String, Object> noVenue = atVenue(venue);
        noVenue.put("venueId", 987654321);
        cases.add(new Object[] {noVenue, "venueId"});
        Map<String, Object> outside = atVenue(venue);
        outside.remove("venueId");
        outside.put("category", "网吧");
        outside.put("lon", 200);
        outside.put("lat", 36.7);
        cases.add(new Object[] {outside, "lon"});
        for (Object[] k : cases) {
            as("planner").contentType(ContentType.JSON).body(k[0]).post("/api/complaints").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", hasItem(k[1]));
        }
        // a manager or a team leader takes in nothing
        as("manager").contentType(ContentType.JSON).body(atVenue(venue)).post("/api/complaints").then().statusCode(403);
        as("leader1").contentType(ContentType.JSON).body(atVenue(venue)).post("/api/complaints").then().statusCode(403);
        assertEquals(before, count("SELECT count(*) FROM complaint"), "nothing written");
        // list parameters
        as("planner").get("/api/complaints?state=lost").then().statusCode(400).body("errors.field", hasItem("state"));
        as("planner").get("/api/complaints?limit=5000").then().statusCode(422).body("errors.field", hasItem("limit"));
        as("planner").get("/api/complaints?overdue=maybe").then().statusCode(400).body("errors.field", hasItem("overdue"));
        as("planner").get("/api/complaints?format=pdf").then().statusCode(400).body("errors.field", hasItem("format"));
    }

    @Test
    void COMPLAINT_ACCEPT_DEADLINE_flagsOverdue() throws Exception {
        int venue = InspectionApiTest.venue("internet_cafe", 119.154, 36.724);
        // 5 working days (V220): received 30 calendar days ago is past it, received an hour ago is not
        Map<String, Object> late = atVenue(venue);
        late.put("receivedAt", OffsetDateTime.now().minusDays(30).toString());
        long lateId = create(late).getLong("id");
        Map<String, Object> fresh = atVenue(venue);
        fresh.put("receivedAt", OffsetDateTime.now().minusHours(1).toString());
        long freshId = create(fresh).getLong("id");
        as("planner").get("/api/complaints/" + lateId).then().body("overdue", equalTo(true))
                .body("dueRule", equalTo("COMPLAINT_ACCEPT_DEADLINE"));
        as("planner").get("/api/complaints/" + freshId).then().body("overdue", equalTo(false));
        as("planner").get("/api/complaints?overdue=true&venue=" + venue).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) lateId))).body("numberMatched", equalTo(1));
        as("planner").get("/api/complaints?overdue=false&venue=" + venue).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) freshId)));
        // the rules, each with its basis; the accept rule's days as the migration seeds them
        as("manager").get("/api/complaints/rules").then().statusCode(200)
                .body("code", equalTo(List.of("COMPLAINT_ACCEPT_DEADLINE", "COMPLAINT_VERIFY_DEADLINE", "COMPLAINT_REPLY_DEADLINE")))
                .body("find { it.code == 'COMPLAINT_ACCEPT_DEADLINE' }.days", equalTo(5))
                .body("find { it.code == 'COMPLAINT_REPLY_DEADLINE' }.note", containsString("待法制科室确认"));
        // only an administrator edits a rule, with the version read
        as("planner").contentType(ContentType.JSON).body(Map.of("days", 7, "version", 0))
                .put("/api/complaints/rules/COMPLAINT_VERIFY_DEADLINE").then().statusCode(403);
        as("admin").contentType(ContentType.JSON).body(Map.of("days", 0, "version", 0))
                .put("/api/complaints/rules/COMPLAINT_VERIFY_DEADLINE").then().statusCode(422).body("errors.field", hasItem("days"));
    }

    @Test
    void reporterMaskedForLeadersAndManagersAbsentFromExports() throws Exception {
        int venue = InspectionApiTest.venue("internet_cafe", 119.155, 36.725);
        Map<String, Object> in = atVenue(venue);
        in.put("reporterName", "欧阳娜娜");
        in.put("content", "=HYPERLINK(\"http://x\") 反映该网吧通宵营业");
        long id = create(in).getLong("id");
        as("planner").get("/api/complaints/" + id).then().body("reporterContact", equalTo(PHONE))
                .body("reporterName", equalTo("欧阳娜娜")).body("contactMasked", equalTo(false));
        as("admin").get("/api/complaints/" + id).then().body("reporterContact", equalTo(PHONE));
        as("manager").get("/api/complaints/" + id).then().body("reporterContact", equalTo("138****5678"))
                .body("reporterName", equalTo("欧**")).body("contactMasked", equalTo(true));
        as("manager").get("/api/complaints?venue=" + venue).then().body("items[0].reporterContact", equalTo("138****5678"));
        // exports: no reporter at all, not even masked; a formula-looking cell neutralised
        String csv = as("planner").get("/api/complaints?format=csv&venue=" + venue).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.contains("'=HYPERLINK"), csv);
        for (String secret : List.of(PHONE, "5678", "欧阳", "欧**")) {
            assertFalse(csv.contains(secret), "CSV leaks " + secret);
        }
        byte[] xlsx = as("planner").get("/api/complaints?format=xlsx&venue=" + venue).then().statusCode(200)
                .extract().asByteArray();
        StringBuilder all = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getSheetAt(0)) {
                for (Cell cell : r) {
                    all.append(cell.toString()).append('|');
                }
            }
        }
        assertTrue(all.toString().contains("举报内容"), "Chinese headers");
        for (String secret : List.of(PHONE, "5678", "欧阳", "欧**")) {
            assertFalse(all.toString().contains(secret), "XLSX leaks " + secret);
        }
        // the history keeps no contact either (it goes to the audit trail)
        String history = as("planner").get("/api/complaints/" + id + "/history").then().statusCode(200).extract().asString();
        assertFalse(history.contains(PHONE));
    }

    @Test
    void anotherUnitsComplaintIs404AndUnlisted() throws Exception {
        // two units side by side, far from every other fixture
        long[] units = new long[2];
        String[] names = {"举报测试甲区", "举报测试乙区"};
        for (int k = 0; k < 2; k++) {
            double x0 = 103.00 + 0.1 * k;
            String box = "{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + ",31.0],[" + (x0 + 0.1) + ",31.0],["
                    + (x0 + 0.1) + ",31.1],[" + x0 + ",31.1],[" + x0 + ",31.0]]]}";
            Number u = as("admin").contentType(ContentType.JSON).body("{\"name\":\"" + names[k] + System.nanoTime()
                    + "\",\"kind\":\"district\",\"area\":" + box + "}").post("/api/units").then().statusCode(201)
                    .extract().path("id");
            units[k] = u.longValue();
        }
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int k = 0; k < 2; k++) {
                AppUser u = new AppUser();
                u.username = "cp-" + k + "-" + suffix;
                u.password = AppUser.hash(u.username);
                u.roles = "planner";
                u.unitId = units[k];
                u.persist();
            }
        });
        String userA = "cp-0-" + suffix;
        String userB = "cp-1-" + suffix;
        Map<String, Object> in = new HashMap<>();
        in.put("source", "phone");
        in.put("category", "internet_cafe");
        in.put("lon", 103.05);
        in.put("lat", 31.05);
        in.put("content", "反映此处有无证网吧");
        long id = as(userA).contentType(ContentType.JSON).body(in).post("/api/complaints").then().statusCode(201)
                .body("unitId", equalTo((int) units[0])).body("geocodeLevel", equalTo("given")).extract().jsonPath().getLong("id");
        as(userB).get("/api/complaints/" + id).then().statusCode(404);
        as(userB).contentType(ContentType.JSON).body(action("accept", 0)).post("/api/complaints/" + id + "/actions")
                .then().statusCode(404);
        as(userB).get("/api/complaints?limit=1000").then().statusCode(200).body("items.id", not(hasItem((int) id)));
        as(userA).get("/api/complaints?limit=1000").then().statusCode(200).body("items.id", hasItem((int) id));
        // a point in the other unit is refused to A's planner (422 naming the field), nothing written
        in.put("lon", 103.15);
        as(userA).contentType(ContentType.JSON).body(in).post("/api/complaints").then().statusCode(422)
                .body("errors.field", hasItem("lon"));
    }

    @Test
    void addressIsGeocodedAndTheVenueCountComesFromTheRecords() throws Exception {
        // a street name of its own per run, without digits (a digit would read as the house number)
        String stems = "甲乙丙丁戊己庚辛壬癸";
        long n = System.nanoTime();
        String street = "举报测试" + stems.charAt((int) (n % 10)) + stems.charAt((int) (n / 10 % 10)) + stems.charAt((int) (n / 100 % 10)) + "街";
        String csv = "LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID\n"
                + "119.1901,36.7301,5," + street + ",,潍坊市,奎文区,山东省,,c1\n"
                + "119.1921,36.7301,25," + street + ",,潍坊市,奎文区,山东省,,c2\n";
        as("planner").multiPart("file", "complaint-points.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "address-points").multiPart("datum", "WGS84").post("/api/imports").then().statusCode(200);
        Map<String, Object> in = new HashMap<>();
        in.put("source", "web");
        in.put("address", "潍坊市奎文区" + street + "5号");
        in.put("category", "网吧");
        in.put("content", "反映此处有无证网吧");
        create(in);
        JsonPath c = create(in);
        assertEquals("point", c.getString("geocodeLevel"));
        assertEquals(119.1901, c.getDouble("lon"), 1e-6);
        assertEquals(36.7301, c.getDouble("lat"), 1e-6);
        // an address nobody knows: 422 naming it
        in.put("address", "火星基地" + System.nanoTime() + "号");
        as("planner").contentType(ContentType.JSON).body(in).post("/api/complaints").then().statusCode(422)
                .body("errors.field", hasItem("address"));

        // the venue's count: records not declined, as counted here in SQL
        int venue = InspectionApiTest.venue("game_arcade", 119.156, 36.726);
        JsonPath one = create(atVenue(venue));
        create(atVenue(venue));
        act("planner", one.getLong("id"), action("decline", one.getInt("version"), "reason", "重复举报"));
        long expected = count("SELECT count(*) FROM complaint WHERE venue_id = " + venue + " AND state <> 'declined'");
        assertEquals(1, expected);
        as("planner").get("/api/venues/" + venue).then().statusCode(200).body("properties.complaintCount",
                equalTo((int) expected));
        as("planner").get("/api/complaints/venues/" + venue + "/count").then().statusCode(200)
                .body("complaints", equalTo((int) expected)).body("open", equalTo(1));
        as("planner").get("/api/complaints?venue=" + venue + "&format=geojson").then().statusCode(200)
                .body("features", org.hamcrest.Matchers.hasSize(2))
                .body("features[0].geometry.coordinates[0]", closeTo(119.156, 1e-6))
                .body("features[0].properties", not(org.hamcrest.Matchers.hasKey("reporterContact")));
        as("planner").get("/api/complaints?venue=" + venue + "&state=declined,received").then()
                .body("numberMatched", equalTo(2)).body("items.state", hasItems("declined", "received"))
                .body("items[0].inspectionId", nullValue());
    }
}
