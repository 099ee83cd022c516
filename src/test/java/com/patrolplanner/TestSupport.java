package com.patrolplanner;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.parsing.Parser;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

/** Shared RestAssured set-up: JSON numbers as doubles, GeoJSON parsed as JSON, a request spec per demo login. */
public final class TestSupport {
    /** JSON numbers with a fraction come back as Double (whole numbers stay Integer), so closeTo works. */
    public static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    static {
        RestAssured.registerParser("application/geo+json", Parser.JSON);
        RestAssured.registerParser("application/problem+json", Parser.JSON);
    }

    private TestSupport() {
    }

    /** A request as one of the demo users (password = user name): planner, leader1, leader2, manager, admin. */
    public static RequestSpecification as(String user) {
        return given().config(CONFIG).auth().preemptive().basic(user, user);
    }

    public static RequestSpecification anonymous() {
        return given().config(CONFIG);
    }
}
