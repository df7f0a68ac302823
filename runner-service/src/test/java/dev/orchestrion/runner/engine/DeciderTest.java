package dev.orchestrion.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.engine.graph.WorkflowVersion;

/** The decide step on its own: what follows a completed or failed node, from the graph and two facts of the run. */
class DeciderTest {

    private static final WorkflowGraph GRAPH = graph("""
            {"nodes":[{"id":"start","type":"start"},
              {"id":"check","type":"if"},
              {"id":"loop","type":"forEach"},
              {"id":"item","type":"set"},
              {"id":"flaky","type":"set","retry":{"maxAttempts":3,"initialInterval":"PT2S","multiplier":3.0,
                "jitter":0.0,"retryOn":["5xx","timeout"]}},
              {"id":"call","type":"http","retry":{"jitter":0.0}},
              {"id":"recover","type":"end"}],
             "executionConnectors":[{"from":"start","output":"next","to":"check"},
              {"from":"start","output":"error","to":"recover"},
              {"from":"check","output":"true","to":"loop"},{"from":"loop","output":"item","to":"item"}]}
            """);

    private static final WorkflowGraph WITHOUT_ERROR_PATH = graph("""
            {"nodes":[{"id":"start","type":"start"},{"id":"only","type":"set"}],
             "executionConnectors":[{"from":"start","output":"next","to":"only"}]}
            """);

    @Test
    void aCompletedNodeLeadsWhereItsOutputIsConnected() {
        assertThat(Decider.afterCompleted(GRAPH, "check", "true", null)).isEqualTo(new Decision.Execute("loop"));
        assertThat(Decider.afterCompleted(GRAPH, "check", "true", "outer")).isEqualTo(new Decision.Execute("loop"));
    }

    @Test
    void anUnconnectedOutputInsideALoopGoesBackToTheLoop() {
        assertThat(Decider.afterCompleted(GRAPH, "item", "next", "loop")).isEqualTo(new Decision.Execute("loop"));
    }

    @Test
    void anUnconnectedOutputOutsideAnyLoopFinishesTheRun() {
        assertThat(Decider.afterCompleted(GRAPH, "check", "false", null)).isEqualTo(new Decision.Finish());
    }

    @Test
    void aFailureOfAKindThePolicyRetriesIsRetriedWithGrowingBackoffUntilTheAttemptsAreUsed() {
        assertThat(Decider.afterFailure(GRAPH, "flaky", 1, "5xx", false))
                .isEqualTo(new Decision.Retry(Duration.ofSeconds(2)));
        assertThat(Decider.afterFailure(GRAPH, "flaky", 2, "timeout", false))
                .isEqualTo(new Decision.Retry(Duration.ofSeconds(6)));
        assertThat(Decider.afterFailure(GRAPH, "flaky", 3, "5xx", false))
                .isEqualTo(new Decision.TakeErrorPath("recover"));
    }

    @Test
    void aFailureOfAnotherKindIsNotRetried() {
        assertThat(Decider.afterFailure(GRAPH, "flaky", 1, "4xx", false))
                .isEqualTo(new Decision.TakeErrorPath("recover"));
    }

    @Test
    void anHttpNodeIsTriedThreeTimesByDefaultButABudgetFailureNever() {
        assertThat(Decider.afterFailure(GRAPH, "call", 2, "network", false))
                .isEqualTo(new Decision.Retry(Duration.ofSeconds(2)));
        assertThat(Decider.afterFailure(GRAPH, "call", 3, "network", false))
                .isEqualTo(new Decision.TakeErrorPath("recover"));
        assertThat(Decider.afterFailure(GRAPH, "call", 1, RunEngine.BUDGET_FAILURE, false))
                .isEqualTo(new Decision.TakeErrorPath("recover"));
    }

    @Test
    void aFailureOnTheErrorPathOrWithoutOneFailsTheRun() {
        assertThat(Decider.afterFailure(GRAPH, "check", 1, "expression", true)).isEqualTo(new Decision.Fail());
        assertThat(Decider.afterFailure(WITHOUT_ERROR_PATH, "only", 1, "error", false)).isEqualTo(new Decision.Fail());
    }

    private static WorkflowGraph graph(String json) {
        try {
            WorkflowVersion version = new ObjectMapper().readValue(json, WorkflowVersion.class);
            return WorkflowGraph.compile(new WorkflowVersion(UUID.randomUUID().toString(), 1, "test", null, null,
                    version.parameters(), null, version.nodes(), version.executionConnectors(),
                    version.dataConnectors(), version.connections()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
