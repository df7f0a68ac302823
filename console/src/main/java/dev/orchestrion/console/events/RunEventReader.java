package dev.orchestrion.console.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a record of {@code workflow.run-events} into the run events it carries (docs/events/asyncapi.yaml): a
 * {@code dev.orchestrion.run.progressed} record carries a stretch's node events (and RunStarted when the stretch ended
 * the run) once, with the run's fields beside them; every other type is one event.
 */
public final class RunEventReader {

    static final String TYPE_PREFIX = "dev.orchestrion.run.";
    static final String PROGRESSED = "progressed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunEventReader() {
    }

    /**
     * The events of one record, given its {@code ce_type} and {@code ce_id} headers and its JSON value; empty for a
     * record that is not a run event or cannot be read (the console shows live hints, it does not dead-letter).
     */
    public static List<TenantRunEvent> read(String ceType, String ceId, String value) {
        if (ceType == null || !ceType.startsWith(TYPE_PREFIX) || value == null) {
            return List.of();
        }
        JsonNode data;
        try {
            data = JSON.readTree(value);
        } catch (IOException e) {
            return List.of();
        }
        if (data == null || !data.isObject()) {
            return List.of();
        }
        String tenant = text(data, "tenant");
        if (tenant == null) {
            return List.of();
        }
        String type = ceType.substring(TYPE_PREFIX.length());
        if (!PROGRESSED.equals(type)) {
            return List.of(new TenantRunEvent(tenant, message(ceId, type, data, data)));
        }
        List<TenantRunEvent> events = new ArrayList<>();
        for (JsonNode carried : data.path("events")) {
            String carriedType = text(carried, "type");
            if (carriedType != null) {
                events.add(new TenantRunEvent(tenant, message(text(carried, "id"), carriedType, data, carried)));
            }
        }
        return events;
    }

    /** {@code run} holds the run's fields, {@code event} the event's own (the same node for a lone event). */
    private static RunEventMessage message(String id, String type, JsonNode run, JsonNode event) {
        JsonNode version = run.path("version");
        return new RunEventMessage(id, "run." + type, text(run, "runId"), text(run, "workflowDefinitionId"),
                version.isIntegralNumber() ? version.intValue() : null, text(run, "caseId"), text(event, "status"),
                text(event, "nodeId"), text(event, "occurredAt"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
