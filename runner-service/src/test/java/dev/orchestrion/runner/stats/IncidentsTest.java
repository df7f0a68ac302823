package dev.orchestrion.runner.stats;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.testsupport.TestTokens;

/**
 * A definition's open incidents, for its page: the runs that are FAILED now, on the node that failed them, with how
 * many and why; a retried run leaves them.
 */
@QuarkusTest
class IncidentsTest {

    private final String tenant = "incidents-" + UUID.randomUUID().toString().substring(0, 8);
    private final String client = TestTokens.token(tenant, "client");
    private final String operator = TestTokens.token(tenant, "operator");

    @Test
    void failedRunsAreIncidentsOnTheirNodeUntilRetried() {
        String path = "/incidents-" + UUID.randomUUID();
        PeerServices.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
        String definitionId = PeerServices.activeDefinition(
                """
                        {"name": "Two ways to fail", "parameters": [{"name": "kind", "type": "string", "required": true},
                           {"name": "order", "type": "string"}],
                         "nodes": [{"id": "start", "type": "start", "properties": {}},
                           {"id": "route", "type": "choose", "properties": {"cases": [
                             {"name": "refuse", "condition": "params.kind == 'refuse'"},
                             {"name": "call", "condition": "params.kind == 'call'"}]}},
                           {"id": "refuse", "type": "fail", "properties": {"message": "Order {{ params.order }} refused",
                             "code": "REFUSED"}},
                           {"id": "call", "type": "http", "properties": {"method": "POST", "url": "%s"}, "retry": {"maxAttempts": 1}},
                           {"id": "end", "type": "end", "properties": {}}],
                         "executionConnectors": [{"from": "start", "output": "next", "to": "route"},
                           {"from": "route", "output": "refuse", "to": "refuse"}, {"from": "route", "output": "call", "to": "call"},
                           {"from": "route", "output": "default", "to": "end"}, {"from": "call", "output": "next", "to": "end"}]}"""
                        .formatted(PeerServices.server().baseUrl() + path));
        UUID caseId = PeerServices.existingCase(Map.of());
        String lastRefused = null;
        for (String order : new String[]{"A", "B", "C"}) {
            lastRefused = run(definitionId, caseId, "refuse", order);
        }
        String called = run(definitionId, caseId, "call", "D");
        String fine = run(definitionId, caseId, "none", "E");
        assertThat(Runs.awaitEnd(client, called).getString("status")).isEqualTo("FAILED");
        assertThat(Runs.awaitEnd(client, fine).getString("status")).isEqualTo("COMPLETED");

        JsonPath open = incidents(definitionId, "");
        assertThat(open.getString("definitionId")).isEqualTo(definitionId);
        assertThat(open.getLong("failedRuns")).isEqualTo(4);
        assertThat(open.getList("nodes.nodeId")).containsExactly("refuse", "call");
        assertThat(open.getList("nodes.failedRuns")).containsExactly(3, 1);
        assertThat(open.getString("nodes[0].nodeType")).isEqualTo("fail");
        assertThat(open.getList("nodes[0].reasons.code")).containsExactly("REFUSED");
        assertThat(open.getString("nodes[0].reasons[0].lastMessage")).isEqualTo("Order C refused");
        assertThat(open.getString("nodes[0].reasons[0].lastRunId")).isEqualTo(lastRefused);
        assertThat(open.getString("nodes[0].reasons[0].lastFailedAt")).isNotNull();
        assertThat(open.getString("nodes[1].reasons[0].lastRunId")).isEqualTo(called);
        assertThat(open.getString("nodes[1].reasons[0].lastMessage")).contains("503");

        // the target is back: the retried run completes and is no incident any more
        PeerServices.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        given().auth().oauth2(client).when().post("/workflows/{id}/retry", called).then().statusCode(202);
        // the retry runs through the run-command queue: the run is FAILED until an executor takes it up
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Runs.awaitEnd(client, called).getString("status").equals("COMPLETED"));
        JsonPath afterRetry = await().atMost(Duration.ofSeconds(10)).until(() -> incidents(definitionId, ""),
                p -> p.getLong("failedRuns") == 3);
        assertThat(afterRetry.getList("nodes.nodeId")).containsExactly("refuse");

        assertThat(incidents(definitionId, "?version=1").getLong("failedRuns")).isEqualTo(3);
        JsonPath otherVersion = incidents(definitionId, "?version=2");
        assertThat(otherVersion.getLong("failedRuns")).isZero();
        assertThat(otherVersion.getList("nodes")).isEmpty();
        given().auth().oauth2(TestTokens.token("other-" + tenant, "operator")).when()
                .get("/stats/definitions/{id}/incidents", definitionId).then().statusCode(200)
                .body("failedRuns", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void anUnknownDefinitionIsNotFoundAndClientsMayNotAsk() {
        given().auth().oauth2(operator).when().get("/stats/definitions/{id}/incidents", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        given().auth().oauth2(operator).when().get("/stats/definitions/{id}/incidents?version=0", definitionId).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(client).when().get("/stats/definitions/{id}/incidents", definitionId).then()
                .statusCode(403);
    }

    private String run(String definitionId, UUID caseId, String kind, String order) {
        return Runs.start(client, definitionId, caseId,
                PeerServices.parameterSet(definitionId, 1, Map.of("kind", kind, "order", order)));
    }

    private JsonPath incidents(String definitionId, String query) {
        return given().auth().oauth2(operator).when().get("/stats/definitions/" + definitionId + "/incidents" + query)
                .then().statusCode(200).extract().jsonPath();
    }
}
