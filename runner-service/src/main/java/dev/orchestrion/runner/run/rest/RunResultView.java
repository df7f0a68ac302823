package dev.orchestrion.runner.run.rest;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.orchestrion.runner.model.RunStatus;

/** A finished run's outcome: the end node's mapped result, or the error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResultView(UUID id, RunStatus status, Map<String, Object> result, Map<String, Object> error) {
}
