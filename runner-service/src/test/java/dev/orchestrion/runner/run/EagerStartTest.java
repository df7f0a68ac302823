package dev.orchestrion.runner.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.KafkaRecords;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.runner.events.RunEventRecords;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.testsupport.TestTokens;

/**
 * The eager start as a client sees it: the run request answers with the run its first stretch left behind (often
 * finished), everything it did is stored and published exactly once, and what the stretch cannot finish continues
 * through {@code workflow.run-commands}.
 */
@QuarkusTest
class EagerStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPLETED = "dev.orchestrion.run.completed";
    private final String token = TestTokens.token("eager", "client");

    @Test
    void aRunRequestAnswersWithTheRunItsStartFinishedAndNoCommandWasNeeded() {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of("firstName", "Ada"));
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 75));

        JsonPath answer = request(
                Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", parametersId), null);
        String runId = answer.getString("id");
        assertThat(answer.getString("status")).isEqualTo("COMPLETED");

        // readable at once, without waiting: it was committed before the answer
        JsonPath result = Runs.result(token, runId);
        assertThat(result.getDouble("result.doubled")).isEqualTo(150.0);
        assertThat(Runs.steps(token, runId).getList("nodeId")).containsExactly("start", "double", "isLarge", "large",
                "end");
        // the lean stream: the stretch's node events (and RunStarted, as the run also ended) in one record, then the end
        List<ConsumerRecord<String, String>> records = KafkaRecords.runEventsUntilEnded(runId);
        assertThat(records).extracting(CloudEventHeaders::type).containsExactly("dev.orchestrion.run.progressed",
                COMPLETED);
        assertThat(KafkaRecords.expanded(records)).extracting(RunEventRecords.RunEvent::type)
                .containsOnlyOnce("started", "completed").hasSize(12);
        // the queued path would have sent StartRun before the run could complete, and RunCompleted is out
        assertThat(KafkaRecords.readToEnd("workflow.run-commands", r -> runId.equals(r.key()))).isEmpty();
    }

    @Test
    void aDefinitionThatOptsOutRunsThroughRunCommands() throws Exception {
        ObjectNode definition = (ObjectNode) JSON.readTree(PeerServices.example("reference-workflow.json"));
        definition.put("eager", false);
        String definitionId = PeerServices.activeDefinition(definition.toString());
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 10));

        JsonPath answer = request(
                Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", parametersId), null);
        assertThat(answer.getString("status")).isEqualTo("PENDING");
        String runId = answer.getString("id");
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");
        assertThat(KafkaRecords.readToEnd("workflow.run-commands", r -> runId.equals(r.key())))
                .extracting(CloudEventHeaders::type).contains("dev.orchestrion.run.start");
    }

    @Test
    void aStretchPastItsBoundAndAWaitContinueThroughRunCommands() {
        List<Integer> items = Collections.nCopies(150, 1);
        String definitionId = PeerServices.activeDefinition(
                """
                        {"name": "Long", "parameters": [{"name": "items", "default": %s}],
                         "nodes": [
                           {"id": "start", "type": "start", "properties": {}},
                           {"id": "loop", "type": "forEach", "properties": {"items": "params.items"}},
                           {"id": "touch", "type": "set", "properties": {"assignments": [{"name": "i", "value": "index"}]}},
                           {"id": "pause", "type": "delay", "properties": {"mode": "duration", "duration": "PT0.5S"}},
                           {"id": "end", "type": "end", "properties": {"result": {"count": "nodes.loop.count"}}}],
                         "executionConnectors": [{"from": "start", "output": "next", "to": "loop"},
                           {"from": "loop", "output": "item", "to": "touch"}, {"from": "loop", "output": "finished", "to": "pause"},
                           {"from": "pause", "output": "next", "to": "end"}],
                         "dataConnectors": []}"""
                        .formatted(items));
        UUID caseId = PeerServices.existingCase(Map.of());

        JsonPath answer = request(Map.of("caseId", caseId, "workflowDefinitionId", definitionId), null);
        String runId = answer.getString("id");
        assertThat(answer.getString("status")).isEqualTo("RUNNING"); // 100 nodes, then a Continue command

        JsonPath ended = Runs.awaitEnd(token, runId);
        assertThat(ended.getString("status")).isEqualTo("COMPLETED");
        assertThat(Runs.result(token, runId).getInt("result.count")).isEqualTo(150);
        assertThat(KafkaRecords.readToEnd("workflow.run-commands", r -> runId.equals(r.key())))
                .extracting(CloudEventHeaders::type).doesNotContain("dev.orchestrion.run.start")
                .contains("dev.orchestrion.run.resume");
    }

    @Test
    void requestsRacingWithOneKeyStartOneRunAndAllAnswerIt() throws Exception {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 75));
        Map<String, Object> body = Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId",
                parametersId);
        String key = "race-" + UUID.randomUUID();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<JsonPath>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> request(body, key), pool));
            }
            List<String> ids = answers.stream().map(CompletableFuture::join).map(a -> a.getString("id")).toList();
            assertThat(ids).containsOnly(ids.get(0));
            String runId = ids.get(0);
            assertThat(Runs.steps(token, runId).getList("nodeId")).hasSize(5);
            KafkaRecords.runEventsUntilEnded(runId);
            List<ConsumerRecord<String, String>> events = KafkaRecords.readToEnd("workflow.run-events",
                    r -> runId.equals(r.key()));
            assertThat(events).extracting(CloudEventHeaders::type).containsOnlyOnce(COMPLETED).hasSize(2);
            assertThat(KafkaRecords.expanded(events)).hasSize(12);
            int runsOfTheCase = given().auth().oauth2(token).when().get("/workflows?caseId={c}", caseId).then()
                    .statusCode(200).extract().path("total");
            assertThat(runsOfTheCase).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonPath request(Map<String, Object> body, String idempotencyKey) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/workflows/run").then().statusCode(200).extract().jsonPath();
    }
}
