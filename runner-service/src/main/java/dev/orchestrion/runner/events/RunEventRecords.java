package dev.orchestrion.runner.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.orchestrion.runner.engine.Checkpoint;
import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.support.ids.TimeOrderedIds;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.OutgoingRecord;

/**
 * A run's events as records of {@code workflow.run-events}, both ways (docs/architecture.md, "The lean event
 * stream"). Lean, the default: the node transitions of one checkpoint ({@code node-started}, {@code node-completed},
 * {@code node-failed}) travel together in one {@code dev.orchestrion.run.progressed} record, RunStarted travels in
 * it too when the same checkpoint ends the run, and every other run-level event ({@code started}, {@code waiting},
 * {@code completed}, {@code failed}, {@code cancelled}) is a record of its own. Per node (a definition's
 * {@code nodeEvents: true}, or the platform's switch) every event is a record of its own. Readers expand a progressed
 * record into the events it carries, each with its own id and whole data, so a consumer sees the same events
 * whichever way they travelled.
 */
public final class RunEventRecords {

    /** The type suffix of the record that carries a checkpoint's node transitions. */
    public static final String PROGRESSED = "progressed";
    private static final Set<String> NODE_LEVEL = Set.of("node-started", "node-completed", "node-failed");
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");
    /** The fields every run event's data starts with; a progressed record carries them once, beside its events. */
    private static final List<String> RUN_FIELDS = List.of("runId", "tenant", "workflowDefinitionId", "version",
            "caseId");

    private RunEventRecords() {
    }

    /** One run event as consumers see it: its id, its type suffix (e.g. {@code node-completed}) and its data. */
    public record RunEvent(UUID id, String type, Map<String, Object> data) {
    }

    /**
     * The records for one checkpoint's events, in their order: a progressed record stands where its first event
     * was.
     */
    public static List<OutgoingRecord> records(Run run, List<Checkpoint.Event> events, boolean perNode) {
        List<OutgoingRecord> records = new ArrayList<>(perNode ? events.size() : 3);
        if (perNode) {
            events.forEach(event -> records.add(record(run, event.id(), event.type(), event.time(), event.data())));
            return records;
        }
        boolean ends = events.stream().anyMatch(event -> TERMINAL.contains(event.type()));
        List<Map<String, Object>> folded = new ArrayList<>();
        int at = -1;
        Instant last = null;
        for (Checkpoint.Event event : events) {
            if (NODE_LEVEL.contains(event.type()) || (ends && "started".equals(event.type()))) {
                at = at < 0 ? records.size() : at;
                folded.add(entry(event));
                last = event.time();
            } else {
                records.add(record(run, event.id(), event.type(), event.time(), event.data()));
            }
        }
        if (!folded.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            Map<String, Object> first = events.get(0).data();
            RUN_FIELDS.forEach(field -> data.put(field, first.get(field)));
            data.put("occurredAt", last.toString());
            data.put("events", folded);
            records.add(at, record(run, TimeOrderedIds.next(), PROGRESSED, last, data));
        }
        return records;
    }

    /**
     * The run events a record of {@code workflow.run-events} carries: the events folded into a progressed record,
     * or the record's own event; none for a record without a run-event type or id. Throws
     * {@link IllegalArgumentException} for a record that is not what its type says (the caller dead-letters it).
     */
    public static List<RunEvent> read(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.type(record);
        String id = CloudEventHeaders.id(record);
        if (type == null || id == null || !type.startsWith(CloudEvents.TYPE_PREFIX)) {
            return List.of();
        }
        String suffix = type.substring(CloudEvents.TYPE_PREFIX.length());
        Map<String, Object> data = Json.readMap(record.value());
        if (!PROGRESSED.equals(suffix)) {
            return List.of(new RunEvent(UUID.fromString(id), suffix, data));
        }
        if (!(data.get("events") instanceof List<?> entries)) {
            throw new IllegalArgumentException("A progressed record needs its events");
        }
        List<RunEvent> events = new ArrayList<>(entries.size());
        for (Object item : entries) {
            if (!(item instanceof Map<?, ?> entry) || entry.get("id") == null || entry.get("type") == null) {
                throw new IllegalArgumentException("Each event of a progressed record needs an id and a type");
            }
            Map<String, Object> whole = new LinkedHashMap<>();
            RUN_FIELDS.forEach(field -> whole.put(field, data.get(field)));
            entry.forEach((key, value) -> {
                if (!"id".equals(key) && !"type".equals(key)) {
                    whole.put(key.toString(), value);
                }
            });
            events.add(new RunEvent(UUID.fromString(entry.get("id").toString()), entry.get("type").toString(), whole));
        }
        return events;
    }

    /** An event inside a progressed record: its id and type, then its data without the run's fields. */
    private static Map<String, Object> entry(Checkpoint.Event event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", event.id().toString());
        entry.put("type", event.type());
        event.data().forEach((key, value) -> {
            if (!RUN_FIELDS.contains(key)) {
                entry.put(key, value);
            }
        });
        return entry;
    }

    private static OutgoingRecord record(Run run, UUID id, String type, Instant time, Map<String, Object> data) {
        return CloudEvents.record(Topics.RUN_EVENTS, run.id.toString(), id, CloudEvents.TYPE_PREFIX + type, time,
                run.id.toString(), run.tenant, data);
    }
}
