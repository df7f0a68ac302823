package dev.orchestrion.runner.stats;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.KafkaRecords;
import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Live statistics after a few hundred mixed runs (completed, failed by a fail node, failed after retries, waiting,
 * signalled, cancelled) equal what the run history says: the {@code runs} and {@code run_steps} tables the engine
 * writes, read directly. Replayed run events change nothing.
 */
@QuarkusTest
class StatisticsTest {

    private static final int RUNS = 300;

    @Inject
    Pool pool;

    @Test
    void statisticsOfMixedRunsEqualTheRunHistory() {
        String tenant = "stats-" + UUID.randomUUID().toString().substring(0, 8);
        String client = TestTokens.token(tenant, "client");
        String operator = TestTokens.token(tenant, "operator");
        PeerServices.server().stubFor(post(urlPathEqualTo("/stats-flaky")).willReturn(aResponse().withStatus(503)));
        String definitionId = PeerServices.activeDefinition(mixed(PeerServices.server().baseUrl() + "/stats-flaky"));
        UUID caseId = PeerServices.existingCase(Map.of());
        Map<String, UUID> sets = new HashMap<>();
        for (String kind : List.of("ok", "fail", "wait", "retry")) {
            sets.put(kind, PeerServices.parameterSet(definitionId, 1, Map.of("kind", kind)));
        }

        Random random = new Random(7);
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            int dice = random.nextInt(10);
            String kind = dice < 4 ? "ok" : dice < 6 ? "fail" : dice < 9 ? "wait" : "retry";
            String runId = Runs.start(client, definitionId, caseId, sets.get(kind));
            if (kind.equals("wait")) {
                waiting.add(runId);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count(definitionId, "'WAITING'") == waiting.size());
        for (int i = 0; i < waiting.size(); i++) {
            if (i % 3 == 0) {
                given().auth().oauth2(client).when().post("/workflows/{id}/signals/go", waiting.get(i)).then()
                        .statusCode(202);
            } else if (i % 3 == 1) {
                given().auth().oauth2(client).when().post("/workflows/{id}/cancel", waiting.get(i)).then()
                        .statusCode(202);
            }
        }
        long stillWaiting = waiting.size() - (waiting.size() + 2) / 3 - (waiting.size() + 1) / 3;
        await().atMost(Duration.ofSeconds(60)).until(() -> count(definitionId, "'WAITING'") == stillWaiting
                && count(definitionId, "'PENDING', 'RUNNING'") == 0);

        // the history is settled: the statistics catch up within a few seconds and then equal it
        History history = history(definitionId);
        assertThat(history.runs().get("started")).isEqualTo(RUNS);
        assertThat(history.runs().get("cancelled")).isPositive();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertMatches(stats(operator, definitionId, ""), history));

        JsonPath all = stats(operator, definitionId, "");
        assertThat(all.getDouble("duration.meanMillis")).isPositive();
        assertMatches(stats(operator, definitionId, "?version=1"), history);
        assertMatches(stats(operator, definitionId, "?window=hour"), history);
        JsonPath otherVersion = stats(operator, definitionId, "?version=2");
        assertThat(otherVersion.getLong("runs.started")).isZero();
        assertThat(otherVersion.getList("nodes")).isEmpty();

        // one more run: the statistics show it within a moment of its end
        long completedBefore = all.getLong("runs.completed");
        String oneMore = Runs.start(client, definitionId, caseId, sets.get("ok"));
        assertThat(Runs.awaitEnd(client, oneMore).getString("status")).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> stats(operator, definitionId, "").getLong("runs.completed") == completedBefore + 1);
        History settled = history(definitionId);
        assertMatches(stats(operator, definitionId, ""), settled);

        // every event of a few runs delivered again: nothing changes
        List<org.apache.kafka.clients.producer.RecordMetadata> again = new java.util.ArrayList<>();
        waiting.subList(0, 6).forEach(
                runId -> KafkaRecords.runEvents(runId, 3).forEach(record -> again.add(PeerEvents.republish(record))));
        again.forEach(copy -> KafkaRecords.awaitConsumed("runner-stats", copy));
        assertMatches(stats(operator, definitionId, ""), settled);

        // a finalized workflow keeps its statistics
        PeerServices.publish(definitionId, mixed(PeerServices.server().baseUrl() + "/stats-flaky"), "FINALIZED", 1,
                Map.of());
        PeerEvents.definitionEvent(tenant, definitionId, "finalized", "FINALIZED", 1, 2);
        assertMatches(stats(operator, definitionId, ""), settled);
    }

    @Test
    void anUnknownDefinitionHasNoStatisticsAndBadQueriesAreNamed() {
        String operator = TestTokens.token("acme", "operator");
        given().auth().oauth2(operator).when().get("/stats/definitions/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        given().auth().oauth2(operator).when().get("/stats/definitions/{id}", definitionId).then().statusCode(200)
                .body("runs.started", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(operator).when().get("/stats/definitions/{id}?window=week", definitionId).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(operator).when().get("/stats/definitions/{id}?version=0", definitionId).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("acme", "client")).when().get("/stats/definitions/{id}", definitionId)
                .then().statusCode(403);
    }

    private static void assertMatches(JsonPath stats, History history) {
        for (String status : List.of("started", "running", "waiting", "completed", "failed", "cancelled")) {
            assertThat(stats.getLong("runs." + status)).as(status).isEqualTo(history.runs().get(status));
        }
        assertThat(stats.getLong("duration.count")).isEqualTo(history.durations().size());
        assertThat(stats.getDouble("duration.meanMillis")).isCloseTo(history.mean(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(stats.getDouble("duration.p95Millis")).isCloseTo(history.p95(),
                org.assertj.core.data.Offset.offset(1e-6));
        Map<String, long[]> nodes = new TreeMap<>();
        for (Map<String, Object> node : stats.<Map<String, Object>>getList("nodes")) {
            nodes.put((String) node.get("nodeId"), new long[]{number(node.get("entered")),
                    number(node.get("completed")), number(node.get("failed")), number(node.get("waiting"))});
        }
        assertThat(nodes.keySet()).isEqualTo(history.nodes().keySet());
        history.nodes().forEach((node, counts) -> assertThat(nodes.get(node)).as(node).containsExactly(counts));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static JsonPath stats(String token, String definitionId, String query) {
        return given().auth().oauth2(token).when().get("/stats/definitions/" + definitionId + query).then()
                .statusCode(200).extract().jsonPath().using(new io.restassured.path.json.config.JsonPathConfig(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private long count(String definitionId, String statuses) {
        return pool
                .preparedQuery(
                        "SELECT count(*) AS n FROM runs WHERE definition_id = $1 AND status IN (" + statuses + ")")
                .execute(Tuple.of(UUID.fromString(definitionId))).await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong("n");
    }

    /** What the run history says: runs by status, durations of ended runs, and per node the steps by status. */
    record History(Map<String, Long> runs, List<Double> durations, Map<String, long[]> nodes) {

        double mean() {
            return durations.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** The 95th percentile with linear interpolation between the closest ranks (PostgreSQL's percentile_cont). */
        double p95() {
            List<Double> sorted = durations.stream().sorted().toList();
            double rank = 0.95 * (sorted.size() - 1);
            int below = (int) Math.floor(rank);
            int above = (int) Math.ceil(rank);
            return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
        }
    }

    private History history(String definitionId) {
        UUID id = UUID.fromString(definitionId);
        Map<String, Long> runs = new HashMap<>();
        for (String status : List.of("running", "waiting", "completed", "failed", "cancelled", "started")) {
            runs.put(status, 0L);
        }
        List<Double> durations = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT status, started_at, ended_at FROM runs WHERE definition_id = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10))) {
            String status = row.getString("status");
            runs.merge(status.toLowerCase(), 1L, Long::sum);
            Instant started = row.getOffsetDateTime("started_at") == null
                    ? null
                    : row.getOffsetDateTime("started_at").toInstant();
            Instant ended = row.getOffsetDateTime("ended_at") == null
                    ? null
                    : row.getOffsetDateTime("ended_at").toInstant();
            if (started != null) {
                runs.merge("started", 1L, Long::sum);
            }
            if (List.of("COMPLETED", "FAILED", "CANCELLED").contains(status) && started != null && ended != null) {
                durations.add(Duration.between(started, ended).toNanos() / 1e6);
            }
        }
        Map<String, long[]> nodes = new TreeMap<>();
        for (Row row : pool.preparedQuery("SELECT s.node_id, count(*) AS entered, "
                + "count(*) FILTER (WHERE s.status = 'COMPLETED') AS completed, "
                + "count(*) FILTER (WHERE s.status = 'FAILED') AS failed, "
                + "count(*) FILTER (WHERE s.status = 'WAITING') AS waiting "
                + "FROM run_steps s JOIN runs r ON r.id = s.run_id WHERE r.definition_id = $1 GROUP BY s.node_id")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10))) {
            nodes.put(row.getString("node_id"), new long[]{row.getLong("entered"), row.getLong("completed"),
                    row.getLong("failed"), row.getLong("waiting")});
        }
        return new History(runs, durations, nodes);
    }

    /** start -> choose on params.kind: ok -> set -> end; fail -> fail; retry -> http (fails twice) -> end; else wait. */
    private static String mixed(String flakyUrl) {
        return """
                {"name": "Mixed", "parameters": [{"name": "kind", "type": "string", "required": true}],
                 "trigger": {"kind": "api"},
                 "nodes": [
                   {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
                   {"id": "route", "type": "choose", "name": "Route", "position": {"x": 100, "y": 0},
                    "properties": {"cases": [{"name": "ok", "condition": "params.kind == 'ok'"},
                                             {"name": "fail", "condition": "params.kind == 'fail'"},
                                             {"name": "retry", "condition": "params.kind == 'retry'"}]}},
                   {"id": "done", "type": "set", "name": "Done", "position": {"x": 200, "y": 0},
                    "properties": {"assignments": [{"name": "x", "value": "1"}]}},
                   {"id": "boom", "type": "fail", "name": "Boom", "position": {"x": 200, "y": 100},
                    "properties": {"message": "boom"}},
                   {"id": "call", "type": "http", "name": "Flaky call", "position": {"x": 200, "y": 200},
                    "properties": {"method": "POST", "url": "%s"},
                    "retry": {"maxAttempts": 2, "initialInterval": "PT0.1S", "jitter": 0.0}},
                   {"id": "wait", "type": "waitForEvent", "name": "Wait", "position": {"x": 200, "y": 300},
                    "properties": {"signal": "go"}},
                   {"id": "end", "type": "end", "name": "End", "position": {"x": 300, "y": 0}, "properties": {}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "route"},
                   {"from": "route", "output": "ok", "to": "done"}, {"from": "route", "output": "fail", "to": "boom"},
                   {"from": "route", "output": "retry", "to": "call"}, {"from": "route", "output": "default", "to": "wait"},
                   {"from": "done", "output": "next", "to": "end"}, {"from": "call", "output": "next", "to": "end"},
                   {"from": "wait", "output": "received", "to": "end"}],
                 "dataConnectors": []}"""
                .formatted(flakyUrl);
    }
}
