package dev.orchestrion.runner.run.rest;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.orchestrion.runner.model.StepStatus;

/** One node execution in a run's timeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepView(int seq, String nodeId, String nodeType, int attempt, StepStatus status, Instant startedAt,
        Instant endedAt, Long durationMs, String output, Map<String, Object> inputs, Map<String, Object> outputs,
        Map<String, Object> error) {
}
