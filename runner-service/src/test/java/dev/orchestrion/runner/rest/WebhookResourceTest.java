package dev.orchestrion.runner.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.testsupport.TestTokens;

@QuarkusTest
class WebhookResourceTest {

    @Test
    void subscribesAndReadsBackOnlyInItsTenant() {
        String id = given().auth().oauth2(TestTokens.token("acme", "operator")).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/runs\",\"events\":[\"run.completed\"]}").when()
                .post("/webhooks").then().statusCode(201).body("events", hasItem("run.completed")).extract().path("id");
        given().auth().oauth2(TestTokens.token("acme", "operator")).when().get("/webhooks/{id}", id).then()
                .statusCode(200).body("url", equalTo("https://hooks.example.com/runs"));
        given().auth().oauth2(TestTokens.token("globex", "operator")).when().get("/webhooks/{id}", id).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesBadInput() {
        given().auth().oauth2(TestTokens.token("acme", "operator")).contentType(ContentType.JSON)
                .body("{\"url\":\"ftp://x\",\"events\":[]}").when().post("/webhooks").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("url"))
                .body("errors.field", hasItem("events"));
        given().contentType(ContentType.JSON).body("{}").when().post("/webhooks").then().statusCode(401);
    }
}
