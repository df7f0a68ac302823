package dev.orchestrion.content.entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryEvent;
import dev.orchestrion.content.model.Timestamps;
import dev.orchestrion.content.workflow.Transition;

/** The CloudEvents an entry change emits, with data as {@code docs/events/schemas/dev.orchestrion.entry.*} says. */
public final class EntryEvents {

    public static final String CREATED = "dev.orchestrion.entry.created";
    public static final String UPDATED = "dev.orchestrion.entry.updated";
    public static final String DELETED = "dev.orchestrion.entry.deleted";
    public static final String WORKFLOW_EVENT_INVOKED = "dev.orchestrion.entry.workflow-event-invoked";
    public static final String PUBLISHED = "dev.orchestrion.entry.published";
    public static final String UNPUBLISHED = "dev.orchestrion.entry.unpublished";

    private EntryEvents() {
    }

    public static EntryEvent created(Entry entry, String actor, Instant now) {
        return event(CREATED, entry, actor, now);
    }

    public static EntryEvent updated(Entry entry, String actor, Instant now, List<String> changedFields) {
        EntryEvent event = event(UPDATED, entry, actor, now);
        ArrayNode fields = event.data().putArray("changedFields");
        changedFields.forEach(fields::add);
        return event;
    }

    public static EntryEvent deleted(Entry entry, String actor, Instant now) {
        return event(DELETED, entry, actor, now);
    }

    public static EntryEvent invoked(Entry after, String actor, Instant now, String event, String from, String to,
            String message) {
        EntryEvent cloudEvent = event(WORKFLOW_EVENT_INVOKED, after, actor, now);
        cloudEvent.data().put("event", event).put("fromState", from).put("toState", to).put("message", message);
        return cloudEvent;
    }

    public static EntryEvent invoked(Entry after, String actor, Instant now, Transition transition) {
        return invoked(after, actor, now, transition.event(), transition.fromState(), transition.toState(),
                transition.message());
    }

    public static EntryEvent published(Entry after, String actor, Instant now) {
        EntryEvent event = event(PUBLISHED, after, actor, now);
        event.data().put("publicVersion", after.publicVersion().number()).put("publishedAt",
                Timestamps.format(after.publicVersion().publishedAt()));
        return event;
    }

    public static EntryEvent unpublished(Entry after, String actor, Instant now) {
        EntryEvent event = event(UNPUBLISHED, after, actor, now);
        event.data().put("unpublishedAt", Timestamps.format(now));
        return event;
    }

    private static EntryEvent event(String type, Entry entry, String actor, Instant now) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("entryId", entry.id()).put("tenant", entry.tenant())
                .put("contentType", entry.contentType()).put("workflowId", entry.workflowId())
                .put("workflowState", entry.workflowState()).put("latestVersion", entry.latestVersion());
        if (actor != null) {
            data.put("actor", actor);
        }
        data.put("occurredAt", Timestamps.format(now));
        return new EntryEvent(UUID.randomUUID().toString(), type, now, entry.id(), entry.tenant(), data);
    }
}
