package dev.orchestrion.runner.model;

import java.time.Instant;
import java.util.Map;

/** One node execution (one attempt) in a run's timeline; written when it starts and again when it ends. */
public record StepRecord(int seq, String nodeId, String nodeType, int attempt, StepStatus status, Instant startedAt,
        Instant endedAt, Map<String, Object> inputs, Map<String, Object> outputs, String output,
        Map<String, Object> error) {

    public Long durationMillis() {
        return endedAt == null ? null : endedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
