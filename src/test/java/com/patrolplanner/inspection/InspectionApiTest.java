package com.patrolplanner.inspection;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.patrolplanner.registry.TwoOfficerRule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class InspectionApiTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    EntityManager em;

    public static int teamOf(String leader) {
        return as(leader).get("/api/me").then().statusCode(200).extract().path("teamId");
    }

    public static int venue(String category, double lon, double lat) {
        String licence = "T-INSP-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
        return as("planner").contentType(ContentType.JSON)
                .body(Map.of("licenceNo", licence, "name", "检查测试场所" + licence, "category", category, "lon", lon, "lat", lat))
                .post("/api/venues").then().statusCode(201).extract().path("id");
    }

    public static int officer(Integer teamId, boolean certified) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "执法员" + SEQ.incrementAndGet());
        if (certified) {
            body.put("certificateNo", "ZF-" + System.nanoTime() + "-" + SEQ.incrementAndGet());
        }
        if (teamId != null) {
            body.put("teamId", teamId);
        }
        return as("planner").contentType(ContentType.JSON).body(body).post("/api/inspectors").then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> record(int venueId, List<Integer> officers, String outcome, List<String> violations) {
        Map<String, Object> m = new HashMap<>();
        m.put("venueId", venueId);
        m.put("inspectedAt", "2025-03-14T21:30:00+08:00");
        m.put("officers", officers);
        m.put("outcome", outcome);
        m.put("violations", violations);
        return m;
    }

    @Test
    void administrativePenaltyLawArticle42_needsTwoCertifiedOfficers() {
        int team = teamOf("leader1");
        int v = venue("internet_cafe", 119.101, 36.701);
        int a = officer(team, true);
        int b = officer(team, true);
        int uncertified = officer(team, false);
        // one certified officer: 422 naming officers, citing the article
        as("leader1").contentType(ContentType.JSON).body(record(v, List.of(a), "compliant", List.of()))
                .post("/api/inspections").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("officers"))
                .body("errors.reason", hasItem(containsString("第四十二条")));
        // a certified officer and one without a certificate: still 422
        as("leader1").contentType(ContentType.JSON).body(record(v, List.of(a, uncertified), "compliant", List.of()))
                .post("/api/inspections").then().statusCode(422)
                .body("errors.field", hasItem("officers"))
                .body("errors.field", hasItem("officers[1]"));
        // the same officer twice counts once
        as("leader1").contentType(ContentType.JSON).body(record(v, List.of(a, a), "compliant", List.of()))
                .post("/api/inspections").then().statusCode(422).body("errors.field", hasItem("officers"));
        // two certified officers: recorded, with their certificate numbers
        as("leader1").contentType(ContentType.JSON).body(record(v, List.of(a, b), "compliant", List.of()))
                .post("/api/inspections").then().statusCode(201)
                .body("officerCount", equalTo(2))
                .body("officers", hasSize(2))
                .body("teamId", equalTo(team));
        assertEquals(2, TwoOfficerRule.MIN_CERTIFIED_OFFICERS);
    }

    @Test
    void checklistCarriesLegalArticlesAndRejectsOtherCategories() {
        as("leader1").get("/api/inspections/checklist?category=网吧").then().statusCode(200)
                .body("code", hasItem("cafe_minors_admitted"))
                .body("find { it.code == 'cafe_minors_admitted' }.legalBasis", containsString("第二十一条"))
                .body("find { it.code == 'cafe_outside_hours' }.legalBasis", containsString("第二十二条"))
                .body("find { it.code == 'cafe_id_not_checked' }.legalBasis", containsString("第二十三条"))
                .body("find { it.code == 'cafe_licence_or_sign_missing' }.legalBasis", containsString("第三十一条"))
                .body("code", not(hasItem("song_dance_after_hours")));
        as("leader1").get("/api/inspections/checklist?category=ktv").then().statusCode(200)
                .body("find { it.code == 'song_dance_after_hours' }.legalBasis", containsString("第二十八条"))
                .body("find { it.code == 'song_dance_minors_admitted' }.legalBasis", containsString("第二十三条"));
        as("leader1").get("/api/inspections/checklist?category=nonsense").then().statusCode(400);

        int team = teamOf("leader1");
        int ktv = venue("song_dance", 119.102, 36.702);
        List<Integer> two = List.of(officer(team, true), officer(team, true));
        // an internet-café item on a KTV: 422 naming the item
        as("leader1").contentType(ContentType.JSON).body(record(ktv, two, "violation", List.of("cafe_outside_hours")))
                .post("/api/inspections").then().statusCode(422).body("errors.field", hasItem("violations[0]"));
        // outcome violation without any item: 422
        as("leader1").contentType(ContentType.JSON).body(record(ktv, two, "violation", List.of()))
                .post("/api/inspections").then().statusCode(422).body("errors.field", hasItem("violations"));
        // a proper record with actions and seized items
        Map<String, Object> ok = record(ktv, two, "violation", List.of("song_dance_after_hours"));
        ok.put("actions", List.of("warning", "责令整改"));
        ok.put("seized", Map.of("discs", 12));
        as("leader1").contentType(ContentType.JSON).body(ok).post("/api/inspections").then().statusCode(201)
                .body("violations[0].legalBasis", containsString("第二十八条"))
                .body("actions", hasItem("rectification_order"))
                .body("seized.discs", equalTo(12));
        // an unknown seized kind: 422 naming it
        ok.put("seized", Map.of("bananas", 1));
        as("leader1").contentType(ContentType.JSON).body(ok).post("/api/inspections").then().statusCode(422)
                .body("errors.field", hasItem("seized.bananas"));
    }

    @Test
    void teamLeadersSeeOnlyTheirOwnTeam() {
        int team1 = teamOf("leader1");
        int team2 = teamOf("leader2");
        int v = venue("publication", 119.103, 36.703);
        List<Integer> two = List.of(officer(team1, true), officer(team1, true));
        int id = as("leader1").contentType(ContentType.JSON).body(record(v, two, "compliant", List.of()))
                .post("/api/inspections").then().statusCode(201).extract().path("id");
        // another team's record is not found, not forbidden
        as("leader2").get("/api/inspections/" + id).then().statusCode(404);
        as("leader2").get("/api/inspections?venue=" + v).then().statusCode(200).body("items.id", not(hasItem(id)));
        as("leader1").get("/api/inspections?venue=" + v).then().statusCode(200).body("items.id", hasItem(id));
        as("manager").get("/api/inspections?venue=" + v).then().statusCode(200).body("items.id", hasItem(id));
        // a leader cannot record for another team
        Map<String, Object> other = record(v, two, "compliant", List.of());
        other.put("teamId", team2);
        as("leader1").contentType(ContentType.JSON).body(other).post("/api/inspections").then().statusCode(422)
                .body("errors.field", hasItem("teamId"));
        // managers read but do not write
        as("manager").contentType(ContentType.JSON).body(record(v, two, "compliant", List.of()))
                .post("/api/inspections").then().statusCode(403);
    }

    @Test
    void authorEditsFor24HoursThenOnlyAPlannerWithHistory() {
        int team = teamOf("leader1");
        int v = venue("internet_cafe", 119.104, 36.704);
        List<Integer> two = List.of(officer(team, true), officer(team, true));
        int id = as("leader1").contentType(ContentType.JSON).body(record(v, two, "compliant", List.of()))
                .post("/api/inspections").then().statusCode(201).extract().path("id");

        // the author edits with the version read
        Map<String, Object> edit = record(v, two, "violation", List.of("cafe_id_not_checked"));
        edit.put("version", 0);
        as("leader1").contentType(ContentType.JSON).body(edit).put("/api/inspections/" + id).then().statusCode(200)
                .body("outcome", equalTo("violation")).body("version", equalTo(1));
        // a stale version: 409
        as("leader1").contentType(ContentType.JSON).body(edit).put("/api/inspections/" + id).then().statusCode(409)
                .body("errors.field", hasItem("version"));
        // another team's leader: 404
        edit.put("version", 1);
        as("leader2").contentType(ContentType.JSON).body(edit).put("/api/inspections/" + id).then().statusCode(404);

        // 25 hours later the author may no longer edit; a planner may
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE inspection SET created_at = now() - interval '25 hours' WHERE id = ?1").setParameter(1, id).executeUpdate());
        edit.put("notes", "补充说明");
        as("leader1").contentType(ContentType.JSON).body(edit).put("/api/inspections/" + id).then().statusCode(403);
        as("planner").contentType(ContentType.JSON).body(edit).put("/api/inspections/" + id).then().statusCode(200)
                .body("notes", equalTo("补充说明")).body("version", equalTo(2));

        as("leader1").get("/api/inspections/" + id + "/history").then().statusCode(200)
                .body("[0].changedBy", equalTo("planner"))
                .body("[0].changes.notes.new", equalTo("补充说明"))
                .body("[1].changedBy", equalTo("leader1"))
                .body("[1].changes.outcome.old", equalTo("compliant"))
                .body("[1].changes.outcome.new", equalTo("violation"))
                .body("[2].action", equalTo("create"));
    }
}
