package dev.orchestrion.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.state.Budgets;
import dev.orchestrion.runner.engine.state.JsonSize;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.model.StepStatus;

/** The caps across a run (docs/operations.md, "Run budgets"), through the pure engine. */
class RunBudgetsTest {

    @Test
    void chainedAssignmentsThatDoubleAValueFailTheNodeWhoseValuePassesTheCap() {
        // The case: chained set nodes doubling a value built megabytes in under a second.
        EngineHarness h = new EngineHarness(doublings(12), Map.of("seed", "x".repeat(1000)));
        h.start();

        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(h.run.error).containsEntry("code", "VALUE_TOO_LARGE").containsEntry("nodeId", "d10");
        assertThat(String.valueOf(h.run.error.get("message"))).contains("Assignment v of node d10").contains("512 KiB");
        StepRecord failed = h.steps().get(h.steps().size() - 1);
        assertThat(failed.nodeId()).isEqualTo("d10");
        assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
        assertThat(failed.error()).containsEntry("code", "VALUE_TOO_LARGE");
        assertThat(h.steps()).filteredOn(s -> s.status() == StepStatus.COMPLETED).hasSize(10);
        // the value that did not fit was never stored
        assertThat(((String) h.run.state.vars().get("v")).length()).isEqualTo(1000 * 512);
    }

    @Test
    void manyValuesThatEachFitFailTheRunOnceTheStateIsFull() {
        StringBuilder nodes = new StringBuilder("{\"id\":\"start\",\"type\":\"start\"}");
        StringBuilder connectors = new StringBuilder();
        String previous = "start";
        for (int i = 1; i <= 10; i++) {
            nodes.append(",{\"id\":\"s").append(i).append("\",\"type\":\"set\",\"properties\":{\"assignments\":[")
                    .append("{\"name\":\"v").append(i).append("\",\"value\":\"params.seed\"}]}}");
            connectors.append(connectors.isEmpty() ? "" : ",").append("{\"from\":\"").append(previous)
                    .append("\",\"output\":\"next\",\"to\":\"s").append(i).append("\"}");
            previous = "s" + i;
        }
        // each node keeps 4 KB twice (vars.v<i> and its output): the sixth passes 50 KB
        EngineHarness h = new EngineHarness(new Budgets(10_000, 50_000),
                RunEngineTest.graph(nodes + "]", connectors.toString()), Map.of("seed", "x".repeat(4000)));
        h.start();

        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(h.run.error).containsEntry("code", "RUN_STATE_TOO_LARGE").containsEntry("nodeId", "s6");
        assertThat(String.valueOf(h.run.error.get("message"))).contains("larger than 50000 bytes");
        assertThat(h.steps().get(h.steps().size() - 1).error()).containsEntry("code", "RUN_STATE_TOO_LARGE");
    }

    @Test
    void aVariableOverwrittenInALoopCountsOnceNotOncePerIteration() {
        EngineHarness h = new EngineHarness(new Budgets(10_000, 50_000), RunEngineTest.graph("""
                {"id":"start","type":"start"},
                {"id":"loop","type":"forEach","properties":{"items":"params.items"}},
                {"id":"touch","type":"set","properties":{"assignments":[{"name":"v","value":"params.seed"}]}},
                {"id":"end","type":"end"}]
                """, """
                {"from":"start","output":"next","to":"loop"},{"from":"loop","output":"item","to":"touch"},
                {"from":"loop","output":"finished","to":"end"}
                """), Map.of("seed", "x".repeat(4000), "items", Collections.nCopies(200, 1L)));
        h.start();

        // 200 iterations store 1.6 MB in all, but the state never holds more than one copy at a time
        assertThat(h.run.status).as("error %s", h.run.error).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aNodeThatExceedsABudgetIsNotRetried() {
        EngineHarness h = new EngineHarness(new Budgets(1_000, 50_000), RunEngineTest.graph("""
                {"id":"start","type":"start"},
                {"id":"big","type":"set","properties":{"assignments":[{"name":"v","value":"params.seed"}]},
                 "retry":{"maxAttempts":3,"retryOn":["any"]}}]
                """, """
                {"from":"start","output":"next","to":"big"}
                """), Map.of("seed", "x".repeat(2000)));
        h.start();

        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(h.steps()).filteredOn(s -> s.nodeId().equals("big")).singleElement()
                .satisfies(s -> assertThat(s.error()).containsEntry("code", "VALUE_TOO_LARGE"));
        assertThat(h.eventTypes()).endsWith("node-failed", "failed");
    }

    @Test
    void aCallWhoseAnswerIsLargerThanAValueFailsTheNode() {
        EngineHarness h = new EngineHarness(new Budgets(1_000, 50_000), RunEngineTest.graph("""
                {"id":"start","type":"start"},
                {"id":"call","type":"http","properties":{"url":"https://example.com"},"retry":{"maxAttempts":1}},
                {"id":"end","type":"end"}]
                """, """
                {"from":"start","output":"next","to":"call"},{"from":"call","output":"next","to":"end"}
                """), Map.of());
        Checkpoint started = h.start();
        h.callResult(started.calls().get(0).waitId(),
                new CallOutcome.Completed("next", Map.of("status", 200L, "body", "x".repeat(2000))));

        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(h.run.error).containsEntry("code", "VALUE_TOO_LARGE").containsEntry("nodeId", "call");
        assertThat(String.valueOf(h.run.error.get("message"))).contains("The output of node call");
        assertThat(h.run.state.nodes()).doesNotContainKey("call");
    }

    @Test
    void signalsKeptForLaterCannotOverflowTheState() {
        EngineHarness h = new EngineHarness(new Budgets(10_000, 30_000), RunEngineTest.graph("""
                {"id":"start","type":"start"},
                {"id":"pause","type":"delay","properties":{"mode":"duration","duration":"PT1H"}},
                {"id":"approval","type":"waitForEvent","properties":{"signal":"go"}},
                {"id":"end","type":"end"}]
                """, """
                {"from":"start","output":"next","to":"pause"},{"from":"pause","output":"next","to":"approval"},
                {"from":"approval","output":"received","to":"end"}
                """), Map.of());
        h.start();
        for (int i = 0; i < 3; i++) {
            h.signal("early", "x".repeat(8000));
            assertThat(h.run.status).isEqualTo(RunStatus.WAITING);
        }
        h.signal("early", "x".repeat(8000));

        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(h.run.error).containsEntry("code", "RUN_STATE_TOO_LARGE");
        assertThat(h.run.state.signals()).hasSize(3);
        assertThat(h.last().steps()).singleElement().satisfies(s -> {
            assertThat(s.nodeId()).isEqualTo("pause");
            assertThat(s.status()).isEqualTo(StepStatus.CANCELLED);
        });
        assertThat(h.last().clearTimers()).isTrue();
    }

    @Test
    void aNodesOwnTimeoutBoundsItsCallWhateverItsType() {
        EngineHarness h = new EngineHarness(RunEngineTest.graph("""
                {"id":"start","type":"start"},
                {"id":"patch","type":"updateCase","properties":{"url":"unused"},"timeout":"PT2S"},
                {"id":"end","type":"end"}]
                """, """
                {"from":"start","output":"next","to":"patch"},{"from":"patch","output":"next","to":"end"}
                """), Map.of());
        Checkpoint started = h.start();

        // the type's own default is 10 s; the node says 2 s, and the call is given exactly that
        assertThat(started.calls()).singleElement()
                .satisfies(call -> assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(2)));
        assertThat(started.timers()).singleElement().satisfies(timer -> assertThat(timer.dueAt())
                .isEqualTo(h.now.plus(Duration.ofSeconds(2)).plus(RunEngine.CALL_GRACE)));
    }

    @Test
    void jsonSizeIsTheSizeOfCompactUtf8JsonAndStopsEarlyPastItsCap() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Ada Lovelace");
        value.put("escaped", "a \"quote\", a \\ backslash,\na line and a \u0001 control");
        value.put("unicode", "Åsa, Ærø, 東京, 😀");
        value.put("count", -1234567L);
        value.put("flags", List.of(true, false));
        value.put("nothing", null);
        value.put("nested", Map.of("items", List.of(1L, 22L, Map.of()), "empty", List.of()));
        long exact = new ObjectMapper().writeValueAsBytes(value).length;
        // exact where it matters: a cap of its size holds it, one byte less does not
        assertThat(JsonSize.of(value, exact)).isEqualTo(exact);
        assertThat(JsonSize.of(value, exact - 1)).isGreaterThan(exact - 1);
        // far from the cap it is only bounded from below (its texts taken as one byte a character)
        assertThat(JsonSize.of(value, Long.MAX_VALUE)).isLessThanOrEqualTo(exact);

        // a list sharing one list four levels deep: 10^12 texts as JSON, a few thousand objects in memory. The walk
        // stops once past the cap; walking it all would take hours.
        Object shared = "x".repeat(100);
        for (int level = 0; level < 4; level++) {
            shared = Collections.nCopies(1000, shared);
        }
        Object huge = shared;
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThat(JsonSize.of(huge, 10_000_000)).isGreaterThan(10_000_000));
    }

    /** start -> d1 -> ... -> d{count}: d1 doubles params.seed into vars.v, each next one doubles vars.v. */
    private static String doublings(int count) {
        StringBuilder nodes = new StringBuilder("{\"id\":\"start\",\"type\":\"start\"}");
        StringBuilder connectors = new StringBuilder();
        String previous = "start";
        for (int i = 1; i <= count; i++) {
            String source = i == 1 ? "params.seed" : "vars.v";
            nodes.append(",{\"id\":\"d").append(i).append("\",\"type\":\"set\",\"properties\":{\"assignments\":[")
                    .append("{\"name\":\"v\",\"value\":\"").append(source).append(" + ").append(source)
                    .append("\"}]}}");
            connectors.append(connectors.isEmpty() ? "" : ",").append("{\"from\":\"").append(previous)
                    .append("\",\"output\":\"next\",\"to\":\"d").append(i).append("\"}");
            previous = "d" + i;
        }
        return RunEngineTest.graph(nodes + "]", connectors.toString());
    }
}
