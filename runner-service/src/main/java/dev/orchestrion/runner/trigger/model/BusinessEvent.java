package dev.orchestrion.runner.trigger.model;

import java.util.Map;
import java.util.UUID;

/**
 * A business event to publish to {@code workflow.trigger-events}, as a client sends it.
 *
 * @param type the event type event triggers name
 * @param caseId the case triggered runs are for, or null (each workflow's system case)
 * @param data the event's data, or null
 * @param source who sent it, free text, or null
 */
public record BusinessEvent(String type, UUID caseId, Map<String, Object> data, String source) {
}
