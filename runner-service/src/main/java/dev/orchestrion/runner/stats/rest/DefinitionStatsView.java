package dev.orchestrion.runner.stats.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orchestrion.runner.stats.model.DefinitionStats;
import dev.orchestrion.runner.stats.model.RunTotals;

/** A definition's live statistics. */
public record DefinitionStatsView(UUID definitionId,
        @Schema(description = "The version counted, or null for all versions") Integer version,
        @Schema(description = "all, hour or day") String window,
        @Schema(description = "Start of the window (runs first seen since, node executions since); null for all time") Instant since,
        Instant generatedAt, Runs runs, Durations duration, List<Node> nodes) {

    /** Runs by status: started (ever began executing), and how many are now in each status. */
    public record Runs(long started, long running, long waiting, long completed, long failed, long cancelled) {
    }

    /** Duration (start to end) of the runs that ended. */
    public record Durations(long count, Double meanMillis, Double p95Millis) {
    }

    /** A node's executions entered, completed and failed, and the runs waiting in it now. */
    public record Node(String nodeId, String nodeType, long entered, long completed, long failed, long waiting) {
    }

    public static DefinitionStatsView of(DefinitionStats stats) {
        RunTotals runs = stats.runs();
        return new DefinitionStatsView(stats.definitionId(), stats.version(), stats.window(), stats.since(),
                stats.generatedAt(),
                new Runs(runs.started(), runs.running(), runs.waiting(), runs
                        .completed(), runs.failed(), runs.cancelled()),
                new Durations(runs.ended(), runs.meanMillis(), runs.p95Millis()),
                stats.nodes().stream().map(
                        n -> new Node(n.nodeId(), n.nodeType(), n.entered(), n.completed(), n.failed(), n.waiting()))
                        .toList());
    }
}
