package dev.orchestrion.runner.run.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.orchestrion.runner.model.RunStatus;

/** A run's status as clients poll it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(UUID id, UUID caseId, UUID workflowDefinitionId, int version, RunStatus status,
        String environment, Instant createdAt, Instant startedAt, Instant endedAt, Map<String, Object> error,
        UUID parentRunId,
        @Schema(description = "What started the run: api, event, schedule, http or subWorkflow") String trigger) {
}
