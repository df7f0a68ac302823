package dev.orchestrion.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.call.CallRequest;
import dev.orchestrion.runner.engine.node.NodeContext;
import dev.orchestrion.runner.engine.node.NodeExecutor;
import dev.orchestrion.runner.engine.node.NodeKind;
import dev.orchestrion.runner.engine.node.NodeResult;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.model.StepStatus;

class RunEngineTest {

    private static final String LINEAR_TAIL = """
            ,{"id":"end","type":"end","properties":{"result":{"value":"vars.value"}}}]
            """;

    @Test
    void runsTheReferenceWorkflowToItsResult() {
        EngineHarness large = new EngineHarness(EngineHarness.example("reference-workflow.json"),
                Map.of("amount", 75.0));
        large.start();
        assertThat(large.run.status).isEqualTo(RunStatus.COMPLETED);
        assertThat(large.run.result).containsEntry("doubled", 150.0).containsEntry("size", "large");
        assertThat(large.eventTypes()).containsExactly("started", "node-started", "node-completed", "node-started",
                "node-completed", "node-started", "node-completed", "node-started", "node-completed", "node-started",
                "node-completed", "completed");
        assertThat(large.steps()).extracting(StepRecord::nodeId).containsExactly("start", "double", "isLarge", "large",
                "end");
        assertThat(large.steps()).extracting(StepRecord::status).containsOnly(StepStatus.COMPLETED);

        EngineHarness small = new EngineHarness(EngineHarness.example("reference-workflow.json"),
                Map.of("amount", 10.0));
        small.start();
        assertThat(small.run.result).containsEntry("doubled", 20.0).containsEntry("size", "small");
    }

    @Test
    void aDuplicateStartChangesNothing() {
        EngineHarness h = new EngineHarness(EngineHarness.example("reference-workflow.json"), Map.of("amount", 1.0));
        h.start();
        Checkpoint again = h.start();
        assertThat(again.changed()).isFalse();
        assertThat(again.events()).isEmpty();
    }

    @Test
    void chooseTakesTheFirstMatchingCaseElseDefault() {
        String definition = graph(
                """
                        {"id":"start","type":"start"},
                        {"id":"pick","type":"choose","properties":{"cases":[
                           {"name":"gold","condition":"params.points > 100"},{"name":"silver","condition":"params.points > 10"}]}},
                        {"id":"g","type":"set","properties":{"assignments":[{"name":"value","value":"'gold'"}]}},
                        {"id":"s","type":"set","properties":{"assignments":[{"name":"value","value":"'silver'"}]}},
                        {"id":"d","type":"set","properties":{"assignments":[{"name":"value","value":"'none'"}]}}
                        """
                        + LINEAR_TAIL,
                """
                        {"from":"start","output":"next","to":"pick"},{"from":"pick","output":"gold","to":"g"},
                        {"from":"pick","output":"silver","to":"s"},{"from":"pick","output":"default","to":"d"},
                        {"from":"g","output":"next","to":"end"},{"from":"s","output":"next","to":"end"},
                        {"from":"d","output":"next","to":"end"}
                        """);
        assertThat(resultOf(definition, Map.of("points", 500L))).containsEntry("value", "gold");
        assertThat(resultOf(definition, Map.of("points", 50L))).containsEntry("value", "silver");
        assertThat(resultOf(definition, Map.of("points", 5L))).containsEntry("value", "none");
    }

    @Test
    void forEachRunsTheItemBranchPerElementThenFinishesEvenWhenEmpty() {
        String definition = graph(
                """
                        {"id":"start","type":"start"},
                        {"id":"loop","type":"forEach","properties":{"items":"params.items","collect":"vars.doubled"}},
                        {"id":"double","type":"set","properties":{"assignments":[{"name":"doubled","value":"item * 2"}]}},
                        {"id":"end","type":"end","properties":{"result":{"results":"nodes.loop.results","count":"nodes.loop.count"}}}]
                        """,
                """
                        {"from":"start","output":"next","to":"loop"},{"from":"loop","output":"item","to":"double"},
                        {"from":"loop","output":"finished","to":"end"}
                        """);
        Map<String, Object> result = resultOf(definition, Map.of("items", List.of(1L, 2L, 3L)));
        assertThat(result).containsEntry("results", List.of(2L, 4L, 6L)).containsEntry("count", 3L);
        assertThat(resultOf(definition, Map.of("items", List.of()))).containsEntry("count", 0L).containsEntry("results",
                List.of());
    }

    @Test
    void forEachCanLoopBackExplicitlyAndChunk() {
        String definition = graph(
                """
                        {"id":"start","type":"start"},
                        {"id":"loop","type":"forEach","properties":{"items":"params.items","chunkSize":2,"collect":"size(item)"}},
                        {"id":"touch","type":"set","properties":{"assignments":[{"name":"last","value":"item"}]}},
                        {"id":"end","type":"end","properties":{"result":{"sizes":"nodes.loop.results"}}}]
                        """,
                """
                        {"from":"start","output":"next","to":"loop"},{"from":"loop","output":"item","to":"touch"},
                        {"from":"touch","output":"next","to":"loop"},{"from":"loop","output":"finished","to":"end"}
                        """);
        assertThat(resultOf(definition, Map.of("items", List.of(1L, 2L, 3L, 4L, 5L)))).containsEntry("sizes",
                List.of(2L, 2L, 1L));
    }

    @Test
    void aDelayParksTheRunUntilItsTimerFiresAndStaleTimersAreIgnored() {
        EngineHarness h = new EngineHarness(graph("""
                {"id":"start","type":"start"},
                {"id":"wait","type":"delay","properties":{"mode":"duration","duration":"PT5M"}},
                {"id":"end","type":"end"}]
                """, """
                {"from":"start","output":"next","to":"wait"},{"from":"wait","output":"next","to":"end"}
                """), Map.of());
        Checkpoint parked = h.start();
        assertThat(h.run.status).isEqualTo(RunStatus.WAITING);
        assertThat(parked.timers()).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(Instant.parse("2026-03-02T10:05:00Z")));
        assertThat(h.eventTypes()).endsWith("waiting");

        Checkpoint stale = h.timer("not-this-wait");
        assertThat(stale.changed()).isFalse();
        assertThat(h.run.status).isEqualTo(RunStatus.WAITING);

        h.advance(Duration.ofMinutes(5));
        Checkpoint resumed = h.timer(parked.timers().get(0).waitId());
        assertThat(h.run.status).isEqualTo(RunStatus.COMPLETED);
        assertThat(resumed.resolvedWaits()).containsExactly(parked.timers().get(0).waitId());
        assertThat(h.steps()).filteredOn(s -> s.nodeId().equals("wait")).extracting(StepRecord::status)
                .containsExactly(StepStatus.WAITING, StepStatus.COMPLETED);
    }

    @Test
    void aDelayUntilATimeOfDayWaitsForItsNextOccurrenceInTheTimeZone() {
        EngineHarness h = new EngineHarness(
                graph("""
                        {"id":"start","type":"start"},
                        {"id":"wait","type":"delay","properties":{"mode":"timeOfDay","time":"09:00","timeZone":"Europe/Stockholm"}},
                        {"id":"end","type":"end"}]
                        """,
                        """
                                {"from":"start","output":"next","to":"wait"},{"from":"wait","output":"next","to":"end"}
                                """),
                Map.of());
        Checkpoint parked = h.start();
        // 10:00 UTC is 11:00 in Stockholm: the next 09:00 there is tomorrow 08:00 UTC.
        assertThat(parked.timers().get(0).dueAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void waitForEventTakesASignalThatCameEarlyOrLaterOrTimesOut() {
        String definition = graph("""
                {"id":"start","type":"start"},
                {"id":"pause","type":"delay","properties":{"mode":"duration","duration":"PT1M"}},
                {"id":"approval","type":"waitForEvent","properties":{"signal":"approved","timeout":"PT1H"}},
                {"id":"yes","type":"end","properties":{"result":{"by":"nodes.approval.data.by"}}},
                {"id":"no","type":"end","properties":{"result":{"timedOut":"nodes.approval.timedOut"}}}]
                """, """
                {"from":"start","output":"next","to":"pause"},{"from":"pause","output":"next","to":"approval"},
                {"from":"approval","output":"received","to":"yes"},{"from":"approval","output":"timeout","to":"no"}
                """);
        EngineHarness early = new EngineHarness(definition, Map.of());
        String pause = early.start().timers().get(0).waitId();
        early.signal("approved", Map.of("by", "ada"));
        assertThat(early.run.state.signals()).hasSize(1);
        early.timer(pause);
        assertThat(early.run.status).isEqualTo(RunStatus.COMPLETED);
        assertThat(early.run.result).containsEntry("by", "ada");

        EngineHarness later = new EngineHarness(definition, Map.of());
        later.timer(later.start().timers().get(0).waitId());
        assertThat(later.run.status).isEqualTo(RunStatus.WAITING);
        later.signal("rejected", Map.of());
        assertThat(later.run.status).isEqualTo(RunStatus.WAITING);
        later.signal("approved", Map.of("by", "grace"));
        assertThat(later.run.result).containsEntry("by", "grace");

        EngineHarness silent = new EngineHarness(definition, Map.of());
        Checkpoint waiting = silent.timer(silent.start().timers().get(0).waitId());
        silent.timer(waiting.timers().get(0).waitId());
        assertThat(silent.run.result).containsEntry("timedOut", true);
    }

    @Test
    void aFailingNodeIsRetriedWithGrowingBackoffThenFailsTheRun() {
        EngineHarness h = new EngineHarness(graph("""
                {"id":"start","type":"start"},
                {"id":"divide","type":"set","properties":{"assignments":[{"name":"value","value":"10 / params.by"}]},
                 "retry":{"maxAttempts":3,"initialInterval":"PT2S","multiplier":3.0,"jitter":0.0}}
                """ + LINEAR_TAIL, """
                {"from":"start","output":"next","to":"divide"},{"from":"divide","output":"next","to":"end"}
                """), Map.of("by", 0L));
        Checkpoint first = h.start();
        assertThat(h.run.status).isEqualTo(RunStatus.RUNNING);
        assertThat(first.timers().get(0).dueAt()).isEqualTo(h.now.plusSeconds(2));
        assertThat(first.events()).filteredOn(e -> e.type().equals("node-failed"))
                .extracting(e -> e.data().get("willRetry")).containsExactly(true);

        Checkpoint second = h.timer(first.timers().get(0).waitId());
        assertThat(second.timers().get(0).dueAt()).isEqualTo(h.now.plusSeconds(6));
        Checkpoint third = h.timer(second.timers().get(0).waitId());
        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(h.run.error).containsEntry("nodeId", "divide").containsEntry("attempts", 3);
        assertThat(third.clearTimers()).isTrue();
        assertThat(h.steps()).filteredOn(s -> s.nodeId().equals("divide")).extracting(StepRecord::attempt)
                .containsExactly(1, 2, 3);
        assertThat(h.eventTypes()).endsWith("failed");
    }

    @Test
    void aFailureTakesTheStartNodesErrorPathWhenThereIsOne() {
        EngineHarness h = new EngineHarness(graph("""
                {"id":"start","type":"start"},
                {"id":"divide","type":"set","properties":{"assignments":[{"name":"value","value":"10 / params.by"}]}},
                {"id":"recover","type":"end","properties":{"result":{"failedAt":"nodes.start.nodeId"}}}
                """ + LINEAR_TAIL, """
                {"from":"start","output":"next","to":"divide"},{"from":"start","output":"error","to":"recover"},
                {"from":"divide","output":"next","to":"end"}
                """), Map.of("by", 0L));
        h.start();
        assertThat(h.run.status).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.run.result).containsEntry("failedAt", "divide");
    }

    @Test
    void aFailNodeFailsTheRunWithItsMessageAndCanBeRetriedFromThere() {
        EngineHarness h = new EngineHarness(
                graph("""
                        {"id":"start","type":"start"},
                        {"id":"stop","type":"fail","properties":{"message":"Customer {{ params.name }} is blocked","code":"BLOCKED"}}]
                        """,
                        """
                                {"from":"start","output":"next","to":"stop"}
                                """),
                Map.of("name", "Ada"));
        h.start();
        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(h.run.error).containsEntry("message", "Customer Ada is blocked").containsEntry("code", "BLOCKED");

        h.send(new EngineCommand.Retry());
        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(h.steps()).filteredOn(s -> s.nodeId().equals("stop")).hasSize(2);
    }

    @Test
    void anOutboundCallCheckpointsAsRunningAndItsResultResumesTheRun() {
        EngineHarness h = new EngineHarness(graph("""
                {"id":"start","type":"start"},
                {"id":"call","type":"http","properties":{"url":"https://example.com/{{ params.id }}"}},
                {"id":"end","type":"end","properties":{"result":{"status":"nodes.call.status"}}}]
                """, """
                {"from":"start","output":"next","to":"call"},{"from":"call","output":"next","to":"end"}
                """), Map.of("id", "42"));
        Checkpoint started = h.start();
        assertThat(h.run.status).isEqualTo(RunStatus.RUNNING);
        assertThat(started.calls()).singleElement().satisfies(call -> {
            assertThat(call.context().inputs()).containsEntry("url", "https://example.com/42");
            assertThat(call.context().idempotencyKey()).isEqualTo(h.run.id + ":call:1");
        });
        assertThat(started.steps()).filteredOn(s -> s.nodeId().equals("call")).extracting(StepRecord::status)
                .containsExactly(StepStatus.RUNNING);
        String waitId = started.calls().get(0).waitId();

        h.callResult("some-other-wait", new CallOutcome.Completed("next", Map.of("status", 500L)));
        assertThat(h.run.status).isEqualTo(RunStatus.RUNNING);
        h.callResult(waitId, new CallOutcome.Completed("next", Map.of("status", 200L)));
        assertThat(h.run.status).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.run.result).containsEntry("status", 200L);
    }

    @Test
    void aCallWithoutResultTimesOutAndIsRetriedPerPolicy() {
        EngineHarness h = new EngineHarness(graph("""
                {"id":"start","type":"start"},
                {"id":"call","type":"http","properties":{"url":"https://example.com"},
                 "retry":{"maxAttempts":2,"initialInterval":"PT1S","jitter":0.0,"retryOn":["timeout"]}},
                {"id":"end","type":"end"}]
                """, """
                {"from":"start","output":"next","to":"call"},{"from":"call","output":"next","to":"end"}
                """), Map.of());
        Checkpoint started = h.start();
        Checkpoint timedOut = h.timer(started.timers().get(0).waitId());
        assertThat(timedOut.events()).filteredOn(e -> e.type().equals("node-failed")).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("willRetry", true));
        Checkpoint retried = h.timer(timedOut.timers().get(0).waitId());
        assertThat(retried.calls()).hasSize(1);
        assertThat(retried.calls().get(0).context().attempt()).isEqualTo(2);
    }

    @Test
    void cancelStopsTheRunAndItsCurrentStep() {
        EngineHarness h = new EngineHarness(graph("""
                {"id":"start","type":"start"},
                {"id":"approval","type":"waitForEvent","properties":{"signal":"go"}},
                {"id":"end","type":"end"}]
                """, """
                {"from":"start","output":"next","to":"approval"},{"from":"approval","output":"received","to":"end"}
                """), Map.of());
        h.start();
        Checkpoint cancelled = h.send(new EngineCommand.Cancel("no longer needed"));
        assertThat(h.run.status).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.clearTimers()).isTrue();
        assertThat(cancelled.steps()).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.CANCELLED));
        assertThat(h.eventTypes()).endsWith("cancelled");
        assertThat(h.send(new EngineCommand.Cancel("again")).changed()).isFalse();
        assertThat(h.signal("go", null).changed()).isFalse();
    }

    @Test
    void aRunThatExceedsItsTimeoutFails() {
        EngineHarness h = new EngineHarness("""
                {"timeout":"PT10M","nodes":[{"id":"start","type":"start"},
                  {"id":"approval","type":"waitForEvent","properties":{"signal":"go"}},{"id":"end","type":"end"}],
                 "executionConnectors":[{"from":"start","output":"next","to":"approval"},
                  {"from":"approval","output":"received","to":"end"}]}
                """, Map.of());
        Checkpoint started = h.start();
        assertThat(started.timers()).extracting(Checkpoint.Timer::waitId).contains(RunEngine.RUN_TIMEOUT_WAIT);
        h.timer(RunEngine.RUN_TIMEOUT_WAIT);
        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(h.run.error).containsEntry("code", "RUN_TIMEOUT");
    }

    @Test
    void redactedParametersNeverReachTheTimeline() {
        EngineHarness h = new EngineHarness(
                """
                        {"parameters":[{"name":"apiKey","type":"string","redacted":true}],
                         "nodes":[{"id":"start","type":"start"},
                          {"id":"call","type":"http","properties":{"url":"https://example.com/?key={{ params.apiKey }}"}},
                          {"id":"copy","type":"set","properties":{"assignments":[{"name":"k","value":"params.apiKey"}]}},
                          {"id":"end","type":"end"}],
                         "executionConnectors":[{"from":"start","output":"next","to":"call"},{"from":"call","output":"next","to":"copy"},
                          {"from":"copy","output":"next","to":"end"}]}
                        """,
                Map.of("apiKey", "s3cr3t-value"));
        Checkpoint started = h.start();
        h.callResult(started.calls().get(0).waitId(), new CallOutcome.Completed("next", Map.of()));
        assertThat(h.steps().toString()).doesNotContain("s3cr3t-value").contains("https://example.com/?key=***");
        assertThat(started.calls().get(0).context().inputs()).containsEntry("url",
                "https://example.com/?key=s3cr3t-value");
    }

    @Test
    void aLongStretchYieldsAndContinuesThroughACommand() {
        EngineHarness h = new EngineHarness(graph("""
                {"id":"start","type":"start"},
                {"id":"loop","type":"forEach","properties":{"items":"params.items"}},
                {"id":"touch","type":"set","properties":{"assignments":[{"name":"i","value":"index"}]}},
                {"id":"end","type":"end","properties":{"result":{"count":"nodes.loop.count"}}}]
                """, """
                {"from":"start","output":"next","to":"loop"},{"from":"loop","output":"item","to":"touch"},
                {"from":"loop","output":"finished","to":"end"}
                """), Map.of("items", java.util.Collections.nCopies(800, 1L)));
        Checkpoint first = h.start();
        assertThat(h.run.status).isEqualTo(RunStatus.RUNNING);
        assertThat(first.commands()).singleElement()
                .satisfies(c -> assertThat(c.command()).isInstanceOf(EngineCommand.Continue.class));
        h.send(first.commands().get(0).command());
        assertThat(h.run.status).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.run.result).containsEntry("count", 800L);
    }

    @Test
    void aStretchYieldsWhereItsCallerSaysAndTheRunEndsTheSameThroughCommands() {
        EngineHarness h = new EngineHarness(EngineHarness.example("reference-workflow.json"), Map.of("amount", 75.0));
        java.util.List<Integer> asked = new java.util.ArrayList<>();
        Checkpoint first = h.send(new EngineCommand.Start(), executed -> {
            asked.add(executed);
            return executed >= 2;
        });
        assertThat(asked).containsExactly(0, 1, 2);
        assertThat(h.run.status).isEqualTo(RunStatus.RUNNING);
        assertThat(first.steps()).extracting(StepRecord::nodeId).containsExactly("start", "double");
        assertThat(first.commands()).singleElement()
                .satisfies(c -> assertThat(c.command()).isInstanceOf(EngineCommand.Continue.class));

        h.send(first.commands().get(0).command(), StretchLimit.nodes(2));
        assertThat(h.run.status).isEqualTo(RunStatus.RUNNING);
        h.send(h.last().commands().get(0).command(), StretchLimit.nodes(2));
        assertThat(h.run.status).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.run.result).containsEntry("doubled", 150.0).containsEntry("size", "large");
        assertThat(h.steps()).extracting(StepRecord::nodeId).containsExactly("start", "double", "isLarge", "large",
                "end");
    }

    @Test
    void aBadExpressionFailsTheNodeWithAClearMessage() {
        EngineHarness h = new EngineHarness(graph("""
                {"id":"start","type":"start"},
                {"id":"check","type":"if","properties":{"condition":"params.amount"}}]
                """, """
                {"from":"start","output":"next","to":"check"}
                """), Map.of("amount", 5L));
        h.start();
        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(String.valueOf(h.run.error.get("message"))).contains("must be true or false");
        assertThat(h.run.state.failure().nodeId()).isEqualTo("check");
    }

    @Test
    void aPureNodeThatAnswersWithACallFailsInsteadOfCallingOut() {
        NodeExecutor calling = new NodeExecutor() {

            @Override
            public String type() {
                return "set";
            }

            @Override
            public NodeKind kind() {
                return NodeKind.PURE;
            }

            @Override
            public NodeResult execute(NodeContext context) {
                return new NodeResult.Call(Duration.ofSeconds(1), new CallRequest.CasePatch(Map.of()));
            }
        };
        EngineHarness h = new EngineHarness(graph("""
                {"id":"start","type":"start"},
                {"id":"sneaky","type":"set","properties":{"assignments":[]}}
                """ + LINEAR_TAIL, """
                {"from":"start","output":"next","to":"sneaky"},{"from":"sneaky","output":"next","to":"end"}
                """), Map.of(), calling);
        Checkpoint started = h.start();

        assertThat(started.calls()).isEmpty();
        assertThat(h.run.status).isEqualTo(RunStatus.FAILED);
        assertThat(String.valueOf(h.run.error.get("message"))).contains("PURE node of type set cannot answer");
    }

    private static Map<String, Object> resultOf(String definition, Map<String, Object> params) {
        EngineHarness h = new EngineHarness(definition, params);
        h.start();
        assertThat(h.run.status).as("run status, error %s", h.run.error).isEqualTo(RunStatus.COMPLETED);
        return h.run.result;
    }

    static String graph(String nodes, String connectors) {
        String nodeList = nodes.strip();
        if (!nodeList.endsWith("]")) {
            nodeList = nodeList + "]";
        }
        return "{\"nodes\":[" + nodeList + ",\"executionConnectors\":[" + connectors + "]}";
    }

    static RunState.WaitKind kind(EngineHarness h) {
        return h.run.state.waiting() == null ? null : h.run.state.waiting().kind();
    }
}
