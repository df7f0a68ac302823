package dev.orchestrion.runner.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.testsupport.TestTokens;

/** Webhook subscriptions: create (the secret shown once), read, list, update, delete, rotate; tenancy and roles. */
@QuarkusTest
class WebhookResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private final String operator = TestTokens.token("acme", "operator");

    @Test
    void subscribesAndReadsBackOnlyInItsTenant() {
        String id = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/runs\",\"events\":[\"run.completed\"]}").when()
                .post("/webhooks").then().statusCode(201).body("events", hasItem("run.completed"))
                .body("secret", startsWith("whsec_")).extract().path("id");
        given().auth().oauth2(operator).when().get("/webhooks/{id}", id).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.com/runs")).body("secret", nullValue());
        given().auth().oauth2(TestTokens.token("globex", "operator")).when().get("/webhooks/{id}", id).then()
                .statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(operator).when().get("/webhooks?size=200").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.secret", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    @Test
    void aUrlTheOutboundGuardWouldRefuseIsRefusedWhenSavedAndNothingChanges() {
        String tenant = "wh-guard-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.token(tenant, "admin");
        // made-up names the test resolver answers (see MadeUpHosts); nothing is looked up or connected to
        java.util.List<String> refused = java.util.List.of("http://internal.test/hook", "https://metadata.test/hook",
                "http://nat64.test/hook", "http://sixtofour.test/hook", "http://compat.test/hook",
                "http://teredo.test/hook", "http://[64:ff9b::a00:1]/hook", "http://[2002:a00:1::]/hook",
                "http://[fd00::1]/hook", "http://169.254.169.254/latest", "http://[::]/hook");
        for (String url : refused) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\",\"events\":[\"run.completed\"]}").when().post("/webhooks").then()
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("are refused"));
        }
        given().auth().oauth2(admin).when().get("/webhooks").then().statusCode(200).body("total", equalTo(0));

        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/kept\",\"events\":[\"run.completed\"]}").when()
                .post("/webhooks").then().statusCode(201).extract().path("id");
        for (String url : refused) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\",\"events\":[\"run.failed\"]}").when().put("/webhooks/{id}", id)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(admin).when().get("/webhooks/{id}", id).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.com/kept")).body("events", hasItem("run.completed"));
    }

    @Test
    void updatesRotatesAndDeletes() {
        String id = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/a\",\"events\":[\"run.completed\"]}").when()
                .post("/webhooks").then().statusCode(201).extract().path("id");
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/b\",\"events\":[\"run.failed\",\"node.failed\"],"
                        + "\"description\":\"failures\"}")
                .when().put("/webhooks/{id}", id).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.com/b")).body("events", hasItem("node.failed"))
                .body("description", equalTo("failures"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"gracePeriod\":\"PT1H\"}").when()
                .post("/webhooks/{id}/rotate-secret", id).then().statusCode(200).body("secret", startsWith("whsec_"))
                .body("previousSecretExpiresAt", notNullValue());
        given().auth().oauth2(operator).when().get("/webhooks/{id}", id).then().statusCode(200)
                .body("previousSecretExpiresAt", notNullValue());
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"gracePeriod\":\"P30D\"}").when()
                .post("/webhooks/{id}/rotate-secret", id).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(operator).when().delete("/webhooks/{id}", id).then().statusCode(204);
        given().auth().oauth2(operator).when().get("/webhooks/{id}", id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(operator).when().delete("/webhooks/{id}", id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void refusesBadInput() {
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"url\":\"ftp://x\",\"events\":[]}").when()
                .post("/webhooks").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("url"))
                .body("errors.field", hasItem("events"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"url\":\"https://x.example.com\",\"events\":[\"run.completed\",\"run.exploded\"]}").when()
                .post("/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("events[1]"));
        given().auth().oauth2(operator).when().get("/webhooks/deliveries?status=LOST").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("status"));
        given().auth().oauth2(operator).when().get("/webhooks/deliveries?runId=nope").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("runId"));
        given().contentType(ContentType.JSON).body("{}").when().post("/webhooks").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("acme", "client")).when().get("/webhooks").then().statusCode(403);
    }
}
