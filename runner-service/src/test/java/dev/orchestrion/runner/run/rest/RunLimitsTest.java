package dev.orchestrion.runner.run.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.runner.TricklingServer;
import dev.orchestrion.testsupport.TestTokens;

/**
 * What one run may take from the shared runner (docs/operations.md, "Run budgets"): the size of its values and of
 * its timeline answers, and how long a node's call may take.
 */
@QuarkusTest
class RunLimitsTest {

    private static final String PROBLEM = "application/problem+json";
    private final String token = TestTokens.token("acme", "client");

    @Test
    void chainedDoublingsFailWithValueTooLargeAndTheTimelineStaysSmall() {
        String runId = runDoublings();
        JsonPath run = Runs.awaitEnd(token, runId);
        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error.code")).isEqualTo("VALUE_TOO_LARGE");
        assertThat(run.getString("error.nodeId")).isEqualTo("d10");
        assertThat(run.getString("error.message")).contains("Assignment v of node d10").contains("512 KiB");

        Response answer = given().auth().oauth2(token).when().get("/workflows/{id}/steps", runId);
        assertThat(answer.statusCode()).isEqualTo(200);
        // nine doublings of 1000 characters hold 2 MB of values; the answer shows what is small and marks the rest
        assertThat(answer.asByteArray().length).isLessThan(200_000);
        JsonPath steps = answer.jsonPath();
        assertThat(steps.getInt("total")).isEqualTo(11);
        assertThat(steps.getList("items.nodeId")).startsWith("start", "d1").endsWith("d9", "d10");
        assertThat(steps.getString("items[4].outputs.v")).hasSize(16_000); // d4: shown as it is
        assertThat(steps.getMap("items[5].outputs.v")).isEqualTo(Map.of("truncated", true, "size", 32_002));
        assertThat(steps.getMap("items[5].inputs.assignments")).containsEntry("truncated", true);
        assertThat(steps.getString("items[10].status")).isEqualTo("FAILED");
        assertThat(steps.getString("items[10].error.code")).isEqualTo("VALUE_TOO_LARGE");
    }

    @Test
    void theTimelinePagesLikeOtherLists() {
        String runId = runDoublings();
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("FAILED");

        JsonPath first = steps(runId, "?page=0&size=5").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.seq", Integer.class)).containsExactly(1, 2, 3, 4, 5);
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(5);
        assertThat(first.getInt("total")).isEqualTo(11);
        JsonPath last = steps(runId, "?page=2&size=5").then().statusCode(200).extract().jsonPath();
        assertThat(last.getList("items.seq", Integer.class)).containsExactly(11);
        JsonPath beyond = steps(runId, "?page=3&size=5").then().statusCode(200).extract().jsonPath();
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getInt("total")).isEqualTo(11);

        for (String bad : List.of("?size=0", "?size=201", "?page=-1")) {
            steps(runId, bad).then().statusCode(400).contentType(PROBLEM);
        }
    }

    @Test
    void aNodesTimeoutEndsItsCallOnTimeEvenWhenTheTargetKeepsTrickling() throws Exception {
        try (TricklingServer target = new TricklingServer()) {
            String definitionId = PeerServices.activeDefinition("""
                    {"name":"Slow call","nodes":[{"id":"start","type":"start"},
                      {"id":"call","type":"http","timeout":"PT1S","retry":{"maxAttempts":1},
                       "properties":{"url":"%s"}},
                      {"id":"end","type":"end"}],
                     "executionConnectors":[{"from":"start","output":"next","to":"call"},
                       {"from":"call","output":"next","to":"end"}]}
                    """.formatted(target.url("/slow")));
            String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);

            JsonPath run = Runs.awaitEnd(token, runId);
            assertThat(run.getString("status")).isEqualTo("FAILED");
            assertThat(run.getString("error.code")).isEqualTo("TIMEOUT");
            JsonPath call = Runs.steps(token, runId).setRootPath("items.find { it.nodeId == 'call' }");
            assertThat(call.getString("status")).isEqualTo("FAILED");
            // the call gets its full second, and ends within a small tolerance after it (not 30 s later)
            assertThat(call.getLong("durationMs")).isBetween(1_000L, 2_500L);
        }
    }

    @Test
    void anAnswerLargerThanAValueFailsItsNodeBeforeItTravels() {
        // 1.5 MB: below the http node's 5 MiB body limit, above one value, and too large for one Kafka record
        String path = "/large/" + UUID.randomUUID();
        PeerServices.server().stubFor(WireMock.get(path).willReturn(WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("x".repeat(1_500_000))));
        String definitionId = PeerServices.activeDefinition("""
                {"name":"Large answer","nodes":[{"id":"start","type":"start"},
                  {"id":"call","type":"http","retry":{"maxAttempts":1},"properties":{"url":"%s"}},
                  {"id":"end","type":"end"}],
                 "executionConnectors":[{"from":"start","output":"next","to":"call"},
                   {"from":"call","output":"next","to":"end"}]}
                """.formatted(PeerServices.server().baseUrl() + path));
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);

        JsonPath run = Runs.awaitEnd(token, runId);
        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error.code")).isEqualTo("VALUE_TOO_LARGE");
        assertThat(run.getString("error.message")).contains("The output of node call");
    }

    /** start -> d1 -> ... -> d12, each doubling vars.v (d1 doubles a 1000-character parameter). */
    private String runDoublings() {
        StringBuilder nodes = new StringBuilder("{\"id\":\"start\",\"type\":\"start\"}");
        StringBuilder connectors = new StringBuilder();
        String previous = "start";
        for (int i = 1; i <= 12; i++) {
            String source = i == 1 ? "params.seed" : "vars.v";
            nodes.append(",{\"id\":\"d").append(i).append("\",\"type\":\"set\",\"properties\":{\"assignments\":[")
                    .append("{\"name\":\"v\",\"value\":\"").append(source).append(" + ").append(source)
                    .append("\"}]}}");
            connectors.append(connectors.isEmpty() ? "" : ",").append("{\"from\":\"").append(previous)
                    .append("\",\"output\":\"next\",\"to\":\"d").append(i).append("\"}");
            previous = "d" + i;
        }
        String definitionId = PeerServices.activeDefinition("""
                {"name":"Doublings","parameters":[{"name":"seed","type":"string"}],"nodes":[%s],
                 "executionConnectors":[%s]}""".formatted(nodes, connectors));
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("seed", "x".repeat(1000)));
        return Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), parametersId);
    }

    private Response steps(String runId, String query) {
        return given().auth().oauth2(token).when().get("/workflows/" + runId + "/steps" + query);
    }
}
