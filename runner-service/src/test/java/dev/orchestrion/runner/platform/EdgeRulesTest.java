package dev.orchestrion.runner.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.testsupport.RawHttp;
import dev.orchestrion.testsupport.TestTokens;

/**
 * What runner-service refuses at its edge (docs/architecture.md, "Errors"): text PostgreSQL cannot store in any
 * body (typed, free JSON, hook bodies of any type, signal data), query string or path; JSON that is not exactly one
 * document; bodies of the wrong or no media type; null bodies; oversized bodies and URIs. Each is a 4xx problem+json
 * and nothing is stored.
 */
@QuarkusTest
class EdgeRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_STORABLE = "must not contain NUL or unpaired surrogate characters";

    private static final String HOOKED = """
            {"name": "Edge hook", "parameters": [],
             "trigger": {"kind": "http", "method": "POST", "path": "edge"},
             "nodes": [
               {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
               {"id": "end", "type": "end", "name": "End", "position": {"x": 200, "y": 0}, "properties": {}}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "end"}],
             "dataConnectors": []}""";

    @Test
    void aRunRequestWithALoneSurrogateIsRefusedBeforeAnyPeerIsAsked() {
        String tenant = tenant();
        as(tenant, "client").contentType(ContentType.JSON)
                .body("{\"caseId\":\"" + UUID.randomUUID() + "\",\"workflowDefinitionId\":\"\\ud800\"}").when()
                .post("/workflows/run").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("workflowDefinitionId"))
                .body("errors[0].message", equalTo(NOT_STORABLE));
        assertNoRuns(tenant);
    }

    @Test
    void apiKeysWebhooksAndEventsWithNulAreRefusedNamingTheField() {
        String tenant = tenant();
        as(tenant, "admin").contentType(ContentType.JSON)
                .body("{\"name\":\"shop\\u0000\",\"definitionIds\":[\"" + UUID.randomUUID() + "\"]}").when()
                .post("/api-keys").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        as(tenant, "admin").when().get("/api-keys").then().statusCode(200).body("size()", equalTo(0));

        as(tenant, "operator").contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/a\",\"events\":[\"run.completed\"],"
                        + "\"description\":\"d\\u0000\"}")
                .when().post("/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("description"));
        String id = as(tenant, "operator").contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/a\",\"events\":[\"run.completed\"]}").when()
                .post("/webhooks").then().statusCode(201).extract().path("id");
        as(tenant, "operator").contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/b\",\"events\":[\"run.failed\\udc00\"]}").when()
                .put("/webhooks/{id}", id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("events[0]"));
        as(tenant, "operator").when().get("/webhooks/{id}", id).then().statusCode(200).body("url",
                equalTo("https://hooks.example.com/a"));
        as(tenant, "operator").when().get("/webhooks").then().statusCode(200).body("total", equalTo(1));

        as(tenant, "client").contentType(ContentType.JSON)
                .body("{\"type\":\"order.placed\",\"data\":{\"items\":[{\"sku\\u0000\":1}]}}").when().post("/events")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("data.items[0].sku\\u0000"));
    }

    @Test
    void hookBodiesAndQueriesOfAnyTypeAreChecked() {
        String tenant = tenant();
        String key = hookKey(tenant);
        given().header("X-API-Key", key).contentType(ContentType.JSON).body("{\"order\":{\"note\":\"\\u0000\"}}").when()
                .post("/hooks/{tenant}/edge", tenant).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("order.note"));
        given().header("X-API-Key", key).contentType("text/plain")
                .body("plain \u0000 text".getBytes(StandardCharsets.UTF_8)).when().post("/hooks/{tenant}/edge", tenant)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        // no Content-Type: a hook reads its body as JSON
        RawHttp.Answer untyped = RawHttp.send(RestAssured.port, "POST", "/hooks/" + tenant + "/edge",
                "{\"note\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8), "X-API-Key: " + key);
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.json().getString("errors[0].field")).isEqualTo("note");
        given().header("X-API-Key", key).urlEncodingEnabled(false).when().post("/hooks/" + tenant + "/edge?ref=%00")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("ref"));
        given().header("X-API-Key", key).contentType(ContentType.JSON).body("{\"a\":1} {\"a\":2}").when()
                .post("/hooks/{tenant}/edge", tenant).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("after the JSON document"));
        assertNoRuns(tenant);
        // the binding works for a clean call
        given().header("X-API-Key", key).contentType(ContentType.JSON).body("{\"note\":\"fine\"}").when()
                .post("/hooks/{tenant}/edge", tenant).then().statusCode(202);
    }

    @Test
    void signalDataIsCheckedWhateverItsContentType() {
        String tenant = tenant();
        as(tenant, "client").contentType("text/plain").body("{\"approved\":\"\\u0000\"}").when()
                .post("/workflows/{id}/signals/approved", UUID.randomUUID()).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("approved"));
    }

    @Test
    void aNullRotationBodyIsABadRequestAndNoBodyStillWorks() {
        String tenant = tenant();
        as(tenant, "operator").contentType(ContentType.JSON).body("null").when().post("/webhooks/callback-secret")
                .then().statusCode(400).contentType(PROBLEM);
        String id = as(tenant, "operator").contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/a\",\"events\":[\"run.completed\"]}").when()
                .post("/webhooks").then().statusCode(201).extract().path("id");
        as(tenant, "operator").contentType(ContentType.JSON).body("null").when()
                .post("/webhooks/{id}/rotate-secret", id).then().statusCode(400).contentType(PROBLEM);
        as(tenant, "operator").when().post("/webhooks/{id}/rotate-secret", id).then().statusCode(200).body("secret",
                startsWith("whsec_"));
        as(tenant, "operator").when().post("/webhooks/callback-secret").then().statusCode(200).body("secret",
                startsWith("whsec_"));
    }

    @Test
    void contentAfterTheJsonDocumentIsRefused() {
        String tenant = tenant();
        as(tenant, "admin").contentType(ContentType.JSON)
                .body("{\"name\":\"shop\",\"definitionIds\":[\"" + UUID.randomUUID() + "\"]} x").when()
                .post("/api-keys").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("after the JSON document"));
        as(tenant, "admin").when().get("/api-keys").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aBodyWithoutOrWithTheWrongContentTypeIsUnsupportedNamingWhatIsAccepted() {
        String tenant = tenant();
        RawHttp.Answer answer = RawHttp
                .send(RestAssured.port, "POST", "/webhooks",
                        "{\"url\":\"https://hooks.example.com/a\",\"events\":[\"run.completed\"]}"
                                .getBytes(StandardCharsets.UTF_8),
                        "Authorization: Bearer " + TestTokens.token(tenant, "operator"));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM);
        assertThat(answer.json().getString("detail")).contains("accepts application/json").contains("no Content-Type");
        as(tenant, "admin").contentType("text/plain").body("{\"name\":\"k\"}").when().post("/api-keys").then()
                .statusCode(415).contentType(PROBLEM).body("detail", containsString("accepts application/json"))
                .body("detail", containsString("text/plain"));
        as(tenant, "operator").when().get("/webhooks").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anOversizedBodyIsPayloadTooLargeAsAProblem() {
        String tenant = tenant();
        String big = "{\"type\":\"order.placed\",\"data\":{\"blob\":\"" + "b".repeat(2 * 1024 * 1024) + "\"}}";
        as(tenant, "client").contentType(ContentType.JSON).body(big).when().post("/events").then().statusCode(413)
                .contentType(PROBLEM).body("status", equalTo(413)).body("detail", containsString("at most 2097152"));
    }

    @Test
    void anOverlongUriIsUriTooLongAsAProblem() {
        as(tenant(), "client").when().get("/workflows?definitionId=" + "d".repeat(9000)).then().statusCode(414)
                .contentType(PROBLEM).body("status", equalTo(414));
    }

    private static String hookKey(String tenant) {
        String id = PeerServices.activeDefinition(HOOKED);
        PeerEvents.systemCaseFor(id);
        PeerEvents.definitionEvent(tenant, id, "started", "ACTIVE", 1, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(tenant, "operator").when().get("/triggers").then()
                .extract().jsonPath().getList("hookPath").size() == 1);
        return as(tenant, "admin").contentType(ContentType.JSON)
                .body(Map.of("name", "edge key", "definitionIds", List.of(id))).when().post("/api-keys").then()
                .statusCode(201).extract().path("key");
    }

    private static void assertNoRuns(String tenant) {
        as(tenant, "client").when().get("/workflows").then().statusCode(200).body("total", equalTo(0));
    }

    private static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.token(tenant, role));
    }

    private static String tenant() {
        return "edge-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
