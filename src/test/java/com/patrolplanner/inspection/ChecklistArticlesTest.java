package com.patrolplanner.inspection;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 point 7: the checklist items in the regulations' words (texts as published: the café hours of
 * 《互联网上网服务营业场所管理条例》第二十二条, its 场内巡查制度 of 第十九条, the arcade rule of 《娱乐场所管理条例》第二十三条),
 * full checklists for printing, performance and hotels, and the three new categories, 网络文化 kept without a position.
 */
@QuarkusTest
class ChecklistArticlesTest {
    static String basis(String category, String code) {
        return as("leader1").get("/api/inspections/checklist?category=" + category).then().statusCode(200)
                .extract().path("find { it.code == '" + code + "' }.legalBasis");
    }

    @Test
    void internetCafeRegulationArticle22_hoursAreEightToTwentyFour() {
        String b = basis("internet_cafe", "cafe_outside_hours");
        org.junit.jupiter.api.Assertions.assertTrue(b.contains("第二十二条：互联网上网服务营业场所每日营业时间限于8时至24时"), b);
        org.junit.jupiter.api.Assertions.assertFalse(b.contains("0时至8时"), "not the old paraphrase: " + b);
    }

    @Test
    void internetCafeRegulationArticle19_inHousePatrol() {
        String b = basis("网吧", "cafe_no_in_house_patrol");
        org.junit.jupiter.api.Assertions.assertTrue(b.contains("第十九条") && b.contains("建立场内巡查制度"), b);
        org.junit.jupiter.api.Assertions.assertTrue(b.contains("第三十二条"), "its penalty article: " + b);
    }

    @Test
    void entertainmentRegulationArticle23_arcadeMinorsExceptStatutoryHolidays() {
        String b = basis("game_arcade", "arcade_minors_on_non_holiday");
        org.junit.jupiter.api.Assertions.assertTrue(
                b.contains("第二十三条：除国家法定节假日外，游艺娱乐场所设置的电子游戏机不得向未成年人提供"), b);
    }

    @Test
    void fullChecklistsWithArticlesForEveryCategory() {
        for (String c : new String[] {"printing", "performance", "hotel", "internet_cafe"}) {
            as("planner").get("/api/inspections/checklist?category=" + c).then().statusCode(200)
                    .body("size()", greaterThanOrEqualTo(4))
                    .body("findAll { it.code != 'other' }.legalBasis", everyItem(containsString("《")));
        }
        as("planner").get("/api/inspections/checklist?category=宾馆").then()
                .body("code", hasItem("hotel_unlicensed_iptv")).body("code", hasItem("hotel_unlicensed_satellite_dish"));
        for (String c : new String[] {"艺术品经营", "文物经营", "网络文化"}) {
            as("planner").get("/api/inspections/checklist?category=" + c).then().statusCode(200)
                    .body("size()", greaterThanOrEqualTo(3)).body("category", hasItem(not(nullValue())));
        }
        as("planner").get("/api/inspections/checklist?category=艺术品经营").then()
                .body("find { it.code == 'art_no_records' }.legalBasis", containsString("《艺术品经营管理办法》"));
    }

    @Test
    void onlineCultureOperatorHasNoPosition() {
        Map<String, Object> v = new HashMap<>();
        v.put("licenceNo", "T-ONLINE-" + System.nanoTime());
        v.put("name", "某网络直播平台");
        v.put("category", "网络文化");
        v.put("address", "奎文区某写字楼（办公地址）");
        v.put("lon", 119.15);
        v.put("lat", 36.7);
        as("planner").contentType(ContentType.JSON).body(v).post("/api/venues").then().statusCode(422)
                .body("errors.field", hasItem("lon"));
        v.remove("lon");
        v.remove("lat");
        int id = as("planner").contentType(ContentType.JSON).body(v).post("/api/venues").then().statusCode(201)
                .body("properties.category", equalTo("online_culture")).body("geometry", nullValue())
                .extract().path("id");
        // listed in the register, but never on the map (a bbox query finds only positioned venues)
        as("planner").get("/api/venues?category=online_culture&limit=1000").then().statusCode(200)
                .body("features.id", hasItem(id));
        for (String k : new String[] {"art", "cultural_relics"}) {
            as("planner").contentType(ContentType.JSON).body(Map.of("licenceNo", "T-" + k.replace('_', '-') + System.nanoTime(),
                    "name", "测试" + k.replace('_', '-'), "category", k, "lon", 119.16, "lat", 36.71)).post("/api/venues").then().statusCode(201);
        }
    }
}
