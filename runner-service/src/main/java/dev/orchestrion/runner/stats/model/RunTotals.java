package dev.orchestrion.runner.stats.model;

/** Run counts by status and the duration of ended runs. */
public record RunTotals(long seen, long started, long running, long waiting, long completed, long failed,
        long cancelled, long ended, Double meanMillis, Double p95Millis) {
}
