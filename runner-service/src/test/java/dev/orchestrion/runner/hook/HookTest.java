package dev.orchestrion.runner.hook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.testsupport.TestTokens;

/** HTTP bindings called as a client would, with API keys issued through the API. */
@QuarkusTest
class HookTest {

    private static final String PROBLEM = "application/problem+json";

    private static final String ORDERS = """
            {"name": "Order hook", "parameters": [{"name": "orderId", "type": "integer", "required": true}],
             "trigger": {"kind": "http", "method": "POST", "path": "orders/{orderId}", "respondWith": "result",
                         "responseTimeout": "PT10S"},
             "nodes": [
               {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
               {"id": "double", "type": "set", "name": "Double", "position": {"x": 200, "y": 0},
                "properties": {"assignments": [{"name": "doubled", "value": "params.orderId * 2"}]}},
               {"id": "end", "type": "end", "name": "End", "position": {"x": 400, "y": 0},
                "properties": {"result": {"orderId": "params.orderId", "doubled": "vars.doubled",
                                          "note": "trigger.body.note", "pathValue": "trigger.path.orderId",
                                          "method": "trigger.method"}}}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "double"},
                                     {"from": "double", "output": "next", "to": "end"}],
             "dataConnectors": []}""";

    private static final String PING = """
            {"name": "Ping hook", "parameters": [],
             "trigger": {"kind": "http", "method": "GET", "path": "ping"},
             "nodes": [
               {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
               {"id": "end", "type": "end", "name": "End", "position": {"x": 200, "y": 0}, "properties": {}}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "end"}],
             "dataConnectors": []}""";

    @Test
    void aBindingAnswersWithTheRunsResultOrAcceptsTheRun() {
        String tenant = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        String orders = PeerServices.activeDefinition(ORDERS);
        String ping = PeerServices.activeDefinition(PING);
        UUID ordersCase = PeerEvents.systemCaseFor(orders);
        PeerEvents.systemCaseFor(ping);
        PeerEvents.definitionEvent(tenant, orders, "started", "ACTIVE", 1, 1);
        PeerEvents.definitionEvent(tenant, ping, "started", "ACTIVE", 1, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.token(tenant, "operator"))
                .when().get("/triggers").then().extract().jsonPath().getList("hookPath").size() == 2);
        String key = issue(tenant, List.of(orders, ping));

        JsonPath result = given().header("X-API-Key", key).contentType(ContentType.JSON).body("{\"note\": \"hi\"}")
                .when().post("/hooks/{tenant}/orders/21", tenant).then().statusCode(200)
                .header("Orchestrion-Run-Id", notNullValue()).extract().jsonPath();
        assertThat(result.getInt("orderId")).isEqualTo(21);
        assertThat(result.getInt("doubled")).isEqualTo(42);
        assertThat(result.getString("note")).isEqualTo("hi");
        assertThat(result.getString("pathValue")).isEqualTo("21");
        assertThat(result.getString("method")).isEqualTo("POST");

        String runId = given().header("X-API-Key", key).when().get("/hooks/{tenant}/ping", tenant).then()
                .statusCode(202).body("id", notNullValue()).extract().path("id");
        given().auth().oauth2(TestTokens.token(tenant, "client")).when().get("/workflows/{id}?wait=20s", runId).then()
                .statusCode(200).body("status", equalTo("COMPLETED"));

        UUID ownCase = PeerServices.existingCase(Map.of());
        given().header("X-API-Key", key).contentType(ContentType.JSON).body("{\"note\": \"own case\"}").when()
                .post("/hooks/{tenant}/orders/3?caseId={c}", tenant, ownCase).then().statusCode(200)
                .body("note", equalTo("own case"));
        // a run that fails answers 502 with what failed
        given().header("X-API-Key", key).contentType(ContentType.JSON).body("{}").when()
                .post("/hooks/{tenant}/orders/4", tenant).then().statusCode(502).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("trigger.body.note"));
        given().auth().oauth2(TestTokens.token(tenant, "client")).when().get("/workflows?caseId={c}", ownCase).then()
                .statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.token(tenant, "client")).when().get("/workflows?caseId={c}", ordersCase).then()
                .statusCode(200).body("total", equalTo(2));

        String idempotent = UUID.randomUUID().toString();
        String first = given().header("X-API-Key", key).header("Idempotency-Key", idempotent).when()
                .get("/hooks/{tenant}/ping", tenant).then().statusCode(202).extract().path("id");
        given().header("X-API-Key", key).header("Idempotency-Key", idempotent).when()
                .get("/hooks/{tenant}/ping", tenant).then().statusCode(202).body("id", equalTo(first));
        // the same key for another call (here another query) is refused, and starts nothing
        int pingRuns = pingRuns(tenant, ping);
        given().header("X-API-Key", key).header("Idempotency-Key", idempotent).when()
                .get("/hooks/{tenant}/ping?again=1", tenant).then().statusCode(422).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("different request"));
        assertThat(pingRuns(tenant, ping)).isEqualTo(pingRuns);
    }

    private static int pingRuns(String tenant, String ping) {
        return given().auth().oauth2(TestTokens.token(tenant, "client")).when().get("/workflows?definitionId={d}", ping)
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void aBindingStopsAnsweringAsSoonAsItsPausedDefinitionIsInTheRegistry() {
        String tenant = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        String ping = PeerServices.activeDefinition(PING);
        PeerEvents.systemCaseFor(ping);
        PeerEvents.definitionEvent(tenant, ping, "started", "ACTIVE", 1, 1);
        String operator = TestTokens.token(tenant, "operator");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(operator).when().get("/triggers")
                .then().extract().jsonPath().getList("hookPath").size() == 1);
        String key = issue(tenant, List.of(ping));
        given().header("X-API-Key", key).when().get("/hooks/{tenant}/ping", tenant).then().statusCode(202);

        // the bindings of the tenant are now remembered; the registry applying the pause must make this instance
        // forget them, not answer from memory until they expire
        PeerEvents.definitionEvent(tenant, ping, "paused", "PAUSED", 1, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(
                given().auth().oauth2(operator).when().get("/triggers/{id}", ping).then().extract().path("status")));
        given().header("X-API-Key", key).when().get("/hooks/{tenant}/ping", tenant).then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void callsWithoutAValidKeyOrBindingAreRefusedWithProblems() {
        String tenant = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        String orders = PeerServices.activeDefinition(ORDERS);
        String ping = PeerServices.activeDefinition(PING);
        PeerEvents.systemCaseFor(ping);
        PeerEvents.definitionEvent(tenant, orders, "started", "ACTIVE", 1, 1);
        PeerEvents.definitionEvent(tenant, ping, "started", "ACTIVE", 1, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.token(tenant, "operator"))
                .when().get("/triggers").then().extract().jsonPath().getList("$").size() == 2);
        String pingOnly = issue(tenant, List.of(ping));
        String otherTenants = issue("hook-other", List.of(orders, ping));

        given().when().get("/hooks/{tenant}/ping", tenant).then().statusCode(401).contentType(PROBLEM);
        given().header("X-API-Key", "ohk_wrong").when().get("/hooks/{tenant}/ping", tenant).then().statusCode(401)
                .contentType(PROBLEM);
        given().header("X-API-Key", otherTenants).when().get("/hooks/{tenant}/ping", tenant).then().statusCode(401)
                .contentType(PROBLEM);
        given().header("X-API-Key", pingOnly).contentType(ContentType.JSON).body("{}").when()
                .post("/hooks/{tenant}/orders/1", tenant).then().statusCode(403).contentType(PROBLEM);
        given().header("X-API-Key", pingOnly).when().get("/hooks/{tenant}/pong", tenant).then().statusCode(404)
                .contentType(PROBLEM);
        given().header("X-API-Key", pingOnly).when().delete("/hooks/{tenant}/ping", tenant).then().statusCode(404)
                .contentType(PROBLEM);
        String both = issue(tenant, List.of(orders, ping));
        given().header("X-API-Key", both).contentType(ContentType.JSON).body("{}").when()
                .post("/hooks/{tenant}/orders/abc", tenant).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("path.orderId"));
        given().header("X-API-Key", both).header("Idempotency-Key", "k".repeat(101)).when()
                .get("/hooks/{tenant}/ping", tenant).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("Idempotency-Key"));
        given().header("X-API-Key", both).contentType(ContentType.JSON).body("{not json").when()
                .post("/hooks/{tenant}/orders/1", tenant).then().statusCode(400).contentType(PROBLEM);

        String admin = TestTokens.token(tenant, "admin");
        String pingOnlyId = given().auth().oauth2(admin).when().get("/api-keys").then().statusCode(200)
                .body("key", everyItem(nullValue())).extract().jsonPath()
                .getString("find { it.definitionIds.size() == 1 }.id");
        given().auth().oauth2(admin).when().delete("/api-keys/{id}", pingOnlyId).then().statusCode(204);
        given().header("X-API-Key", pingOnly).when().get("/hooks/{tenant}/ping", tenant).then().statusCode(401)
                .contentType(PROBLEM);
        given().auth().oauth2(admin).when().get("/api-keys").then().statusCode(200)
                .body("find { it.id == '" + pingOnlyId + "' }.revokedAt", notNullValue());
        given().auth().oauth2(TestTokens.token("hook-other", "admin")).when().delete("/api-keys/{id}", pingOnlyId)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyAdminsManageKeysAndBadRequestsAreNamed() {
        given().auth().oauth2(TestTokens.token("acme", "operator")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "definitionIds", List.of(UUID.randomUUID()))).when().post("/api-keys").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.token("acme", "admin")).contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"definitionIds\": []}").when().post("/api-keys").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("definitionIds"));
        given().contentType(ContentType.JSON).body("{}").when().post("/api-keys").then().statusCode(401);
    }

    private static String issue(String tenant, List<String> definitionIds) {
        return given().auth().oauth2(TestTokens.token(tenant, "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "test key", "definitionIds", definitionIds)).when().post("/api-keys").then()
                .statusCode(201).body("key", startsWith("ohk_")).body("prefix", notNullValue()).extract().path("key");
    }
}
