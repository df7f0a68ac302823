package dev.orchestrion.runner.run.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import dev.orchestrion.runner.Runs;
import dev.orchestrion.testsupport.TestTokens;

/**
 * A run's page in one call: the run, its result, what started it (its data masked when the run holds redacted
 * values), the wait it is parked in, each node's outcome along the path it took, and its first steps.
 */
@QuarkusTest
class RunOverviewTest {

    private static final String SECRET = "sk-live-9876543210";

    private final String tenant = "overview-" + UUID.randomUUID().toString().substring(0, 8);
    private final String client = TestTokens.token(tenant, "client");

    @Test
    void aWaitingRunShowsItsWaitItsPathAndItsFirstSteps() {
        String definitionId = PeerServices.activeDefinition(
                """
                        {"name": "Waits", "parameters": [], "trigger": {"kind": "api"},
                         "nodes": [{"id": "start", "type": "start", "properties": {}},
                           {"id": "note", "type": "set", "properties": {"assignments": [{"name": "x", "value": "1"}]}},
                           {"id": "wait", "type": "waitForEvent", "properties": {"signal": "approved"}},
                           {"id": "end", "type": "end", "properties": {}}],
                         "executionConnectors": [{"from": "start", "output": "next", "to": "note"},
                           {"from": "note", "output": "next", "to": "wait"}, {"from": "wait", "output": "received", "to": "end"}],
                         "dataConnectors": []}""");
        UUID caseId = PeerServices.existingCase(Map.of());
        String runId = Runs.start(client, definitionId, caseId, null);
        JsonPath page = await().atMost(Duration.ofSeconds(30)).until(() -> overview(runId, ""),
                p -> "WAITING".equals(p.getString("run.status")));

        assertThat(page.getString("run.id")).isEqualTo(runId);
        assertThat(page.getString("run.caseId")).isEqualTo(caseId.toString());
        assertThat(page.getString("run.workflowDefinitionId")).isEqualTo(definitionId);
        assertThat(page.getString("run.trigger")).isEqualTo("api");
        assertThat(page.getMap("trigger")).containsExactly(Map.entry("kind", "api"));
        assertThat(page.getString("waiting.kind")).isEqualTo("SIGNAL");
        assertThat(page.getString("waiting.signal")).isEqualTo("approved");
        assertThat(page.getString("waiting.nodeId")).isEqualTo("wait");
        assertThat(page.getString("waiting.since")).isNotNull();
        assertThat(page.getList("nodes.nodeId")).containsExactly("start", "note", "wait");
        assertThat(page.getList("nodes.status")).containsExactly("COMPLETED", "COMPLETED", "WAITING");
        assertThat(page.getList("steps.items.nodeId")).containsExactly("start", "note", "wait");
        assertThat(page.getLong("steps.total")).isEqualTo(3);
        assertThat(page.<Object>get("result")).isNull();

        JsonPath firstTwo = overview(runId, "?steps=2");
        assertThat(firstTwo.getList("steps.items.nodeId")).containsExactly("start", "note");
        assertThat(firstTwo.getLong("steps.total")).isEqualTo(3);
        assertThat(firstTwo.getList("nodes")).hasSize(3);

        given().auth().oauth2(client).when().post("/workflows/{id}/signals/approved", runId).then().statusCode(202);
        assertThat(Runs.awaitEnd(client, runId).getString("status")).isEqualTo("COMPLETED");
        JsonPath ended = overview(runId, "");
        assertThat(ended.<Object>get("waiting")).isNull();
        assertThat(ended.getList("nodes.status")).containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED");
    }

    @Test
    void aFailedRunShowsEachNodesExecutionsAndItsMaskedResultAndSteps() {
        PeerServices.server().stubFor(post(urlPathEqualTo("/overview-down")).willReturn(aResponse().withStatus(503)));
        String definitionId = PeerServices.activeDefinition("""
                {"name": "Keyed", "parameters": [{"name": "apiKey", "type": "string", "redacted": true}],
                 "nodes": [{"id": "start", "type": "start", "properties": {}},
                   {"id": "call", "type": "http", "properties": {"method": "POST", "url": "%s",
                     "headers": {"X-Api-Key": "{{ params.apiKey }}"}},
                    "retry": {"maxAttempts": 2, "initialInterval": "PT0.1S", "jitter": 0.0}},
                   {"id": "end", "type": "end", "properties": {}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "call"},
                   {"from": "call", "output": "next", "to": "end"}]}"""
                .formatted(PeerServices.server().baseUrl() + "/overview-down"));
        String runId = Runs.start(client, definitionId, PeerServices.existingCase(Map.of()),
                PeerServices.parameterSet(definitionId, 1, Map.of("apiKey", SECRET)));
        assertThat(Runs.awaitEnd(client, runId).getString("status")).isEqualTo("FAILED");

        String body = given().auth().oauth2(client).when().get("/workflows/{id}/overview", runId).then().statusCode(200)
                .extract().asString();
        assertThat(body).doesNotContain(SECRET);
        JsonPath page = JsonPath.from(body);
        assertThat(page.getString("run.status")).isEqualTo("FAILED");
        assertThat(page.getString("run.error.nodeId")).isEqualTo("call");
        assertThat(page.getList("nodes.nodeId")).containsExactly("start", "call");
        assertThat(page.getList("nodes.status")).containsExactly("COMPLETED", "FAILED");
        assertThat(page.getList("nodes.executions")).containsExactly(1, 2);
        assertThat(page.getList("nodes.failures")).containsExactly(0, 2);
        assertThat(page.getList("steps.items.attempt")).containsExactly(1, 1, 2);
        assertThat(page.getMap("steps.items[1].inputs.headers")).containsEntry("X-Api-Key", "***");
    }

    @Test
    void theTriggerNamesWhatStartedTheRunAndMasksItsDataWhereTheRunHoldsSecrets() {
        String eventType = "parcel.sent-" + UUID.randomUUID().toString().substring(0, 8);
        String trigger = "{\"kind\": \"event\", \"eventType\": \"" + eventType + "\"}";
        String plain = PeerServices.activeDefinition(echo("plain", trigger, "[]"));
        String secretive = PeerServices.activeDefinition(
                echo("secretive", trigger, "[{\"name\": \"token\", \"type\": \"string\", \"redacted\": true}]"));
        PeerEvents.priorities(List.of(plain, secretive));
        PeerEvents.definitionEvent(tenant, plain, "started", "ACTIVE", 1, 1);
        PeerEvents.definitionEvent(tenant, secretive, "started", "ACTIVE", 1, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.token(tenant, "operator"))
                .when().get("/triggers").then().statusCode(200).extract().jsonPath().getList("$").size() == 2);
        UUID caseId = PeerServices.existingCase(Map.of());
        String eventId = given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(Map.of("type", eventType, "caseId", caseId, "data", Map.of("parcel", "P-77", "pin", "4321")))
                .when().post("/events").then().statusCode(202).extract().path("id");
        List<Map<String, Object>> runs = await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(client).when().get("/workflows?caseId={c}", caseId).then()
                        .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items"),
                        r -> r.size() == 2);

        for (Map<String, Object> run : runs) {
            JsonPath page = overview((String) run.get("id"), "");
            assertThat(page.getString("run.trigger")).isEqualTo("event");
            assertThat(page.getString("trigger.kind")).isEqualTo("event");
            assertThat(page.getString("trigger.eventType")).isEqualTo(eventType);
            assertThat(page.getString("trigger.eventId")).isEqualTo(eventId);
            assertThat(page.getString("trigger.caseId")).isEqualTo(caseId.toString());
            if (run.get("workflowDefinitionId").equals(plain)) {
                assertThat(page.getMap("trigger.data")).containsEntry("parcel", "P-77").containsEntry("pin", "4321");
            } else {
                assertThat(page.getString("trigger.data")).isEqualTo("***");
            }
        }
    }

    @Test
    void anotherTenantsRunIsNotFoundAndStepsAreBounded() {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        String runId = Runs.start(client, definitionId, PeerServices.existingCase(Map.of()),
                PeerServices.parameterSet(definitionId, 1, Map.of("amount", 3)));
        given().auth().oauth2(TestTokens.token("other-" + tenant, "client")).when()
                .get("/workflows/{id}/overview", runId).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(client).when().get("/workflows/{id}/overview", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(client).when().get("/workflows/{id}/overview?steps=0", runId).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(client).when().get("/workflows/{id}/overview?steps=201", runId).then().statusCode(400);
        // a non-number is a 400 naming steps, not "no such resource"
        given().auth().oauth2(client).when().get("/workflows/{id}/overview?steps=abc", runId).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("steps"));
        given().auth().oauth2(TestTokens.token(tenant, "designer")).when().get("/workflows/{id}/overview", runId).then()
                .statusCode(403);
    }

    private JsonPath overview(String runId, String query) {
        return given().auth().oauth2(client).when().get("/workflows/" + runId + "/overview" + query).then()
                .statusCode(200).extract().jsonPath();
    }

    /** start -> end, triggered by {@code trigger}, with the given parameters. */
    private static String echo(String name, String trigger, String parameters) {
        return """
                {"name": "%s", "parameters": %s, "trigger": %s,
                 "nodes": [{"id": "start", "type": "start", "properties": {}},
                   {"id": "end", "type": "end", "properties": {}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "end"}],
                 "dataConnectors": []}""".formatted(name, parameters, trigger);
    }
}
