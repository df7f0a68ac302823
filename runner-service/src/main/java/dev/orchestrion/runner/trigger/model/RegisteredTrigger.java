package dev.orchestrion.runner.trigger.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the runner knows of one definition's trigger: the trigger of its published version (pinned), the
 * definition's status, and since when it is ACTIVE (events before that do not trigger it).
 */
public record RegisteredTrigger(UUID definitionId, String tenant, String name, String status, Integer version,
        long revision, String kind, String eventType, String httpMethod, String httpPath, String exclusiveGroup,
        JsonNode trigger, Instant activeSince, Instant updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DELETED = "DELETED";

    public boolean active() {
        return ACTIVE.equals(status) && version != null;
    }

    /** The event trigger's filter expression, or null. */
    public String filter() {
        if (trigger == null || !trigger.hasNonNull("filter") || trigger.get("filter").asText().isBlank()) {
            return null;
        }
        return trigger.get("filter").asText();
    }

    /** A trigger field as text, or the default. */
    public String text(String field, String defaultValue) {
        return trigger != null && trigger.hasNonNull(field) ? trigger.get(field).asText() : defaultValue;
    }
}
