package dev.orchestrion.runner.stats.service;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.orchestrion.runner.stats.model.NodeCount;
import dev.orchestrion.runner.stats.model.RunEventForStats;
import dev.orchestrion.runner.stats.model.RunStats;

/**
 * Folds run events into the statistics: each run's status (RUNNING from RunStarted and node events, WAITING in a
 * node from RunWaiting, COMPLETED/FAILED/CANCELLED from the run's end; a retried FAILED run runs again), and per-node
 * counts of executions entered (NodeStarted), completed and failed. A status change applies only if its event is
 * not older than the run's status; at the same instant (one engine stretch) the more final one wins (terminal over
 * waiting over running). Pure: the caller has already dropped events it applied before.
 */
public final class StatsProjection {

    public static final String RUNNING = "RUNNING";
    public static final String WAITING = "WAITING";
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    private StatsProjection() {
    }

    /** The runs the events changed, and the node counts to add. */
    public record Result(List<RunStats> runs, List<NodeCount> nodeCounts) {
    }

    public static Result apply(Map<UUID, RunStats> known, List<RunEventForStats> events) {
        Map<UUID, RunStats> runs = new LinkedHashMap<>();
        Map<String, NodeCount> counts = new TreeMap<>();
        for (RunEventForStats event : events) {
            RunStats run = runs.containsKey(event.runId()) ? runs.get(event.runId()) : known.get(event.runId());
            runs.put(event.runId(), applyToRun(run, event));
            countNode(counts, event);
        }
        List<NodeCount> nodeCounts = new ArrayList<>(counts.values());
        nodeCounts.sort(Comparator.comparing(NodeCount::key));
        return new Result(new ArrayList<>(runs.values()), nodeCounts);
    }

    static RunStats applyToRun(RunStats run, RunEventForStats e) {
        String kind = e.kind();
        String status;
        int rank;
        String waitingNode = null;
        if (TERMINAL.contains(kind)) {
            status = kind.toUpperCase();
            rank = 2;
        } else if ("waiting".equals(kind)) {
            status = WAITING;
            rank = 1;
            waitingNode = e.nodeId();
        } else {
            status = RUNNING;
            rank = 0;
        }
        if (run == null) {
            return new RunStats(e.runId(), e.tenant(), e.definitionId(), e.version(), status, e.occurredAt(), rank,
                    waitingNode, startedAt(null, e), rank == 2 ? e.endedAt() : null, e.occurredAt());
        }
        boolean newer = e.occurredAt().isAfter(run.statusAt())
                || (e.occurredAt().equals(run.statusAt()) && rank >= run.statusRank());
        if (!newer) {
            return new RunStats(run.runId(), run.tenant(), run.definitionId(), run.version(), run.status(),
                    run.statusAt(), run.statusRank(), run.waitingNode(), startedAt(run, e), run.endedAt(),
                    run.firstSeenAt());
        }
        return new RunStats(run.runId(), run.tenant(), run.definitionId(), run.version(), status, e.occurredAt(), rank,
                waitingNode, startedAt(run, e), rank == 2 ? e.endedAt() : null,
                e.occurredAt().isBefore(run.firstSeenAt()) ? e.occurredAt() : run.firstSeenAt());
    }

    private static java.time.Instant startedAt(RunStats run, RunEventForStats e) {
        if (run != null && run.startedAt() != null) {
            return run.startedAt();
        }
        boolean carriesRunStart = "started".equals(e.kind()) || TERMINAL.contains(e.kind());
        return carriesRunStart ? e.startedAt() : null;
    }

    private static void countNode(Map<String, NodeCount> counts, RunEventForStats e) {
        long entered = "node-started".equals(e.kind()) ? 1 : 0;
        long completed = "node-completed".equals(e.kind()) ? 1 : 0;
        long failed = "node-failed".equals(e.kind()) ? 1 : 0;
        if (entered + completed + failed == 0 || e.nodeId() == null) {
            return;
        }
        NodeCount zero = new NodeCount(e.tenant(), e.definitionId(), e.version(), e.nodeId(),
                e.occurredAt().truncatedTo(ChronoUnit.MINUTES), e.nodeType(), 0, 0, 0);
        counts.merge(zero.key(), zero.plus(entered, completed, failed),
                (a, b) -> a.plus(b.entered(), b.completed(), b.failed()));
    }
}
