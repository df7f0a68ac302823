package dev.orchestrion.runner.run.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.testsupport.TestTokens;

/** Waiting runs: durable delays, signals, cancellation and long polling, as a client sees them. */
@QuarkusTest
class RunControlTest {

    private static final String SIGNAL_WORKFLOW = """
            {"name":"Approval","nodes":[{"id":"start","type":"start"},
             {"id":"approval","type":"waitForEvent","properties":{"signal":"approved"}},
             {"id":"end","type":"end","properties":{"result":{"by":"nodes.approval.data.by"}}}],
             "executionConnectors":[{"from":"start","output":"next","to":"approval"},
              {"from":"approval","output":"received","to":"end"}]}
            """;

    private final String token = TestTokens.token("acme", "client");

    @Test
    void aDelayedRunWaitsThenCompletesAndLongPollingAnswersWhenItEnds() {
        String definitionId = PeerServices.activeDefinition(
                """
                        {"name":"Delay","nodes":[{"id":"start","type":"start"},
                         {"id":"wait","type":"delay","properties":{"mode":"duration","duration":"PT2S"}},
                         {"id":"end","type":"end","properties":{"result":{"resumedAt":"nodes.wait.resumedAt"}}}],
                         "executionConnectors":[{"from":"start","output":"next","to":"wait"},{"from":"wait","output":"next","to":"end"}]}
                        """);
        Instant requested = Instant.now();
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token).when()
                .get("/workflows/{id}", runId).then().body("status", equalTo("WAITING")));
        given().auth().oauth2(token).when().get("/workflows/{id}/result", runId).then().statusCode(409)
                .contentType("application/problem+json");

        JsonPath ended = Runs.awaitEnd(token, runId);
        assertThat(ended.getString("status")).isEqualTo("COMPLETED");
        assertThat(Duration.between(requested, Instant.parse(ended.getString("endedAt"))))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(Runs.steps(token, runId).getList("findAll { it.nodeId == 'wait' }.status"))
                .containsExactly("COMPLETED");
    }

    @Test
    void longPollingAnswersWithTheCurrentStatusWhenTheWaitRunsOut() {
        String definitionId = PeerServices.activeDefinition(SIGNAL_WORKFLOW);
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
        long begin = System.nanoTime();
        String status = given().auth().oauth2(token).when().get("/workflows/{id}?wait=1500ms", runId).then()
                .statusCode(200).extract().path("status");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        assertThat(status).isIn("PENDING", "RUNNING", "WAITING");
        given().auth().oauth2(token).when().get("/workflows/{id}?wait=soon", runId).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aSignalResumesTheWaitingRunWithItsData() {
        String definitionId = PeerServices.activeDefinition(SIGNAL_WORKFLOW);
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token).when()
                .get("/workflows/{id}", runId).then().body("status", equalTo("WAITING")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"by\":\"ada\"}").when()
                .post("/workflows/{id}/signals/approved", runId).then().statusCode(202);
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");
        assertThat(Runs.result(token, runId).getString("result.by")).isEqualTo("ada");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when()
                .post("/workflows/{id}/signals/approved", runId).then().statusCode(409);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{").when()
                .post("/workflows/{id}/signals/approved", UUID.randomUUID()).then().statusCode(400);
        given().auth().oauth2(token).when().post("/workflows/{id}/signals/approved", UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void aSignalSentBeforeTheRunWaitsIsKeptForIt() {
        String definitionId = PeerServices.activeDefinition(
                """
                        {"name":"Late wait","nodes":[{"id":"start","type":"start"},
                         {"id":"pause","type":"delay","properties":{"mode":"duration","duration":"PT1S"}},
                         {"id":"approval","type":"waitForEvent","properties":{"signal":"approved"}},
                         {"id":"end","type":"end","properties":{"result":{"by":"nodes.approval.data.by"}}}],
                         "executionConnectors":[{"from":"start","output":"next","to":"pause"},{"from":"pause","output":"next","to":"approval"},
                          {"from":"approval","output":"received","to":"end"}]}
                        """);
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"by\":\"early bird\"}").when()
                .post("/workflows/{id}/signals/approved", runId).then().statusCode(202);
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");
        assertThat(Runs.result(token, runId).getString("result.by")).isEqualTo("early bird");
    }

    @Test
    void cancellingAWaitingRunEndsItCancelled() {
        String definitionId = PeerServices.activeDefinition(SIGNAL_WORKFLOW);
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token).when()
                .get("/workflows/{id}", runId).then().body("status", equalTo("WAITING")));
        given().auth().oauth2(token).when().post("/workflows/{id}/cancel", runId).then().statusCode(202);
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("CANCELLED");
        assertThat(Runs.result(token, runId).getString("status")).isEqualTo("CANCELLED");
        assertThat(Runs.steps(token, runId).getList("status")).containsExactly("COMPLETED", "CANCELLED");
        given().auth().oauth2(token).when().post("/workflows/{id}/cancel", runId).then().statusCode(409);
        given().auth().oauth2(token).when().post("/workflows/{id}/retry", runId).then().statusCode(409);
    }

    @Test
    void searchFiltersAndPages() {
        String definitionId = PeerServices.activeDefinition(SIGNAL_WORKFLOW);
        UUID caseId = PeerServices.existingCase(Map.of());
        for (int i = 0; i < 3; i++) {
            Runs.start(token, definitionId, caseId, null);
        }
        given().auth().oauth2(token).when().get("/workflows?definitionId={d}&size=2", definitionId).then()
                .statusCode(200).body("total", equalTo(3)).body("items.size()", equalTo(2));
        given().auth().oauth2(token).when().get("/workflows?definitionId={d}&size=2&page=1", definitionId).then()
                .body("items.size()", equalTo(1));
        given().auth().oauth2(token).when().get("/workflows?caseId={c}&status=COMPLETED", caseId).then().body("total",
                equalTo(0));
        given().auth().oauth2(TestTokens.token("globex", "client")).when()
                .get("/workflows?definitionId={d}", definitionId).then().body("total", equalTo(0));
        given().auth().oauth2(token).when().get("/workflows?status=SLEEPING").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/workflows?from=yesterday").then().statusCode(400);
        given().auth().oauth2(token).when().get("/workflows?size=5000").then().statusCode(400);
    }
}
