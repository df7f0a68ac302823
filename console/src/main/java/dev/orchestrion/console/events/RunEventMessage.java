package dev.orchestrion.console.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of one {@code event: run} message of {@code GET /events}: what the SPA needs to know which run, definition
 * and node changed. Only fields the runner's event carries are set; the others are left out.
 *
 * @param type {@code run.} and the runner's event type: {@code run.started}, {@code run.node-completed},
 *        {@code run.waiting}, {@code run.completed}, {@code run.failed}, {@code run.cancelled}, ...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEventMessage(String id, String type, String runId, String definitionId, Integer version, String caseId,
        String status, String nodeId, String occurredAt) {
}
