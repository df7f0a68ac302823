package dev.orchestrion.definition.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.definition.model.OutboxEvent;
import dev.orchestrion.definition.model.StoredDefinition;

/** Builds the events of docs/events for definition changes, ready for a document's outbox. */
public final class DefinitionEvents {

    public static final String CREATED = "dev.orchestrion.definition.created";
    public static final String UPDATED = "dev.orchestrion.definition.updated";
    public static final String STARTED = "dev.orchestrion.definition.started";
    public static final String PUBLISHED = "dev.orchestrion.definition.published";
    public static final String PAUSED = "dev.orchestrion.definition.paused";
    public static final String RESUMED = "dev.orchestrion.definition.resumed";
    public static final String FINALIZED = "dev.orchestrion.definition.finalized";
    public static final String DELETED = "dev.orchestrion.definition.deleted";
    public static final String PRIORITIES_CHANGED = "dev.orchestrion.priorities.changed";

    private DefinitionEvents() {
    }

    /** An event about {@code definition} as it is after the change (its revision included). */
    public static OutboxEvent of(String type, StoredDefinition definition, String actor, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("definitionId", definition.id());
        data.put("tenant", definition.tenant());
        data.put("name", definition.name());
        data.put("status", definition.status().name());
        data.put("publishedVersion", definition.publishedVersion());
        data.put("revision", definition.revision());
        data.put("triggerKind", definition.triggerKind());
        data.put("exclusiveGroup", definition.exclusiveGroup());
        if (actor != null) {
            data.put("actor", actor);
        }
        data.put("occurredAt", now.toString());
        return new OutboxEvent(UUID.randomUUID().toString(), type, definition.id(), definition.tenant(), now, data);
    }

    /** The tenant's new priority order (definition ids, position 1 first); keyed by tenant. */
    public static OutboxEvent prioritiesChanged(String tenant, List<String> order, String actor, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenant", tenant);
        data.put("order", List.copyOf(order));
        if (actor != null) {
            data.put("actor", actor);
        }
        data.put("occurredAt", now.toString());
        return new OutboxEvent(UUID.randomUUID().toString(), PRIORITIES_CHANGED, tenant, tenant, now, data);
    }
}
