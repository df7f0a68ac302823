package dev.orchestrion.runner.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.stats.model.NodeCount;
import dev.orchestrion.runner.stats.model.RunEventForStats;
import dev.orchestrion.runner.stats.model.RunStats;
import dev.orchestrion.runner.stats.service.StatsProjection;

class StatsProjectionTest {

    private static final UUID DEFINITION = UUID.randomUUID();
    private final UUID run = UUID.randomUUID();

    @Test
    void followsARunThroughItsEventsAndCountsItsNodes() {
        List<RunEventForStats> events = List.of(event("started", 0, null), event("node-started", 0, "start"),
                event("node-completed", 0, "start"), event("node-started", 0, "wait"), event("waiting", 0, "wait"));
        StatsProjection.Result result = StatsProjection.apply(Map.of(), events);
        RunStats waiting = result.runs().get(0);
        assertThat(waiting.status()).isEqualTo("WAITING");
        assertThat(waiting.waitingNode()).isEqualTo("wait");
        assertThat(waiting.startedAt()).isEqualTo(at(0));
        assertThat(result.nodeCounts()).extracting(NodeCount::nodeId, NodeCount::entered, NodeCount::completed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("start", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("wait", 1L, 0L));

        StatsProjection.Result resumed = StatsProjection.apply(Map.of(run, waiting),
                List.of(event("node-completed", 5, "wait"), event("node-started", 5, "end"),
                        event("node-completed", 5, "end"), event("completed", 5, null)));
        RunStats completed = resumed.runs().get(0);
        assertThat(completed.status()).isEqualTo("COMPLETED");
        assertThat(completed.waitingNode()).isNull();
        assertThat(completed.endedAt()).isEqualTo(at(5));
        assertThat(completed.startedAt()).isEqualTo(at(0));
    }

    @Test
    void atTheSameInstantTheMoreFinalStatusWinsWhateverTheOrder() {
        List<RunEventForStats> inOrder = List.of(event("node-failed", 3, "http"), event("failed", 3, null));
        List<RunEventForStats> reversed = List.of(event("failed", 3, null), event("node-failed", 3, "http"));
        assertThat(StatsProjection.apply(Map.of(), inOrder).runs().get(0).status()).isEqualTo("FAILED");
        assertThat(StatsProjection.apply(Map.of(), reversed).runs().get(0).status()).isEqualTo("FAILED");
    }

    @Test
    void aLateEventDoesNotMoveARunBackButARetryRunsItAgain() {
        RunStats failed = StatsProjection.apply(Map.of(), List.of(event("started", 0, null), event("failed", 4, null)))
                .runs().get(0);
        RunStats stillFailed = StatsProjection.apply(Map.of(run, failed), List.of(event("node-completed", 2, "set")))
                .runs().get(0);
        assertThat(stillFailed.status()).isEqualTo("FAILED");
        assertThat(stillFailed.endedAt()).isEqualTo(at(4));

        RunStats retried = StatsProjection.apply(Map.of(run, failed), List.of(event("node-started", 9, "http"))).runs()
                .get(0);
        assertThat(retried.status()).isEqualTo("RUNNING");
        assertThat(retried.endedAt()).isNull();
        assertThat(retried.startedAt()).isEqualTo(at(0));
    }

    @Test
    void nodeCountsAddUpPerNodeAndMinute() {
        List<RunEventForStats> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event("node-started", i, "http"));
            events.add(event("node-failed", i, "http"));
        }
        events.add(event("node-started", 90, "http"));
        Map<String, long[]> byMinute = new HashMap<>();
        for (NodeCount count : StatsProjection.apply(Map.of(), events).nodeCounts()) {
            byMinute.put(count.minute().toString(), new long[]{count.entered(), count.failed()});
        }
        assertThat(byMinute).hasSize(2);
        assertThat(byMinute.get("2026-01-01T00:00:00Z")).containsExactly(3, 3);
        assertThat(byMinute.get("2026-01-01T00:01:00Z")).containsExactly(1, 0);
    }

    private RunEventForStats event(String kind, int second, String node) {
        Instant at = at(second);
        boolean terminal = List.of("completed", "failed", "cancelled").contains(kind);
        UUID id = UUID.randomUUID();
        return new RunEventForStats(id, id, kind, run, "acme", DEFINITION, 1, at, node, node == null ? null : "set",
                "started".equals(kind) || terminal ? at(0) : null, terminal ? at : null);
    }

    private static Instant at(int second) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second);
    }
}
