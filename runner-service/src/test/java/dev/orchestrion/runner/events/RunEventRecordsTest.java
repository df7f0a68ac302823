package dev.orchestrion.runner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.engine.Checkpoint;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.OutgoingRecord;

/** How a checkpoint's events become records of workflow.run-events, and how readers get the events back. */
class RunEventRecordsTest {

    private final Run run = run();
    private final Instant now = Instant.parse("2026-12-06T04:00:00Z");

    @Test
    void aStretchThatEndsTheRunIsOneProgressedRecordAndItsEnd() {
        List<Checkpoint.Event> events = List.of(event("started", Map.of("startedAt", now.toString())),
                event("node-started", node("start")), event("node-completed", node("start")),
                event("node-started", node("end")), event("node-completed", node("end")),
                event("completed", Map.of("status", "COMPLETED")));

        List<OutgoingRecord> records = RunEventRecords.records(run, events, false);

        assertThat(records).extracting(r -> r.headers().get(CloudEventHeaders.TYPE))
                .containsExactly("dev.orchestrion.run.progressed", "dev.orchestrion.run.completed");
        List<RunEventRecords.RunEvent> read = records.stream().flatMap(r -> RunEventRecords.read(consumed(r)).stream())
                .toList();
        // every event comes back with its own id, its type and its whole data, in order
        assertThat(read).extracting(RunEventRecords.RunEvent::id).containsExactlyElementsOf(ids(events));
        assertThat(read).extracting(RunEventRecords.RunEvent::type).containsExactly("started", "node-started",
                "node-completed", "node-started", "node-completed", "completed");
        for (int i = 0; i < events.size(); i++) {
            assertThat(read.get(i).data()).containsExactlyEntriesOf(events.get(i).data());
        }
    }

    @Test
    void aRunThatGoesOnKeepsItsOwnRunStartedAndRunWaitingAroundTheProgressedRecord() {
        List<Checkpoint.Event> events = List.of(event("started", Map.of("startedAt", now.toString())),
                event("node-started", node("start")), event("node-completed", node("start")),
                event("node-started", node("pause")), event("waiting", node("pause")));

        List<OutgoingRecord> records = RunEventRecords.records(run, events, false);

        assertThat(records).extracting(r -> r.headers().get(CloudEventHeaders.TYPE)).containsExactly(
                "dev.orchestrion.run.started", "dev.orchestrion.run.progressed", "dev.orchestrion.run.waiting");
        assertThat(RunEventRecords.read(consumed(records.get(1)))).extracting(RunEventRecords.RunEvent::type)
                .containsExactly("node-started", "node-completed", "node-started");
    }

    @Test
    void perNodeEveryEventIsARecordOfItsOwn() {
        List<Checkpoint.Event> events = List.of(event("node-started", node("a")), event("node-failed", node("a")),
                event("failed", Map.of("status", "FAILED")));

        List<OutgoingRecord> records = RunEventRecords.records(run, events, true);

        assertThat(records).extracting(r -> r.headers().get(CloudEventHeaders.ID))
                .containsExactlyElementsOf(ids(events).stream().map(UUID::toString).toList());
        assertThat(records).extracting(r -> r.headers().get(CloudEventHeaders.TYPE)).containsExactly(
                "dev.orchestrion.run.node-started", "dev.orchestrion.run.node-failed", "dev.orchestrion.run.failed");
    }

    @Test
    void aProgressedRecordWithoutItsEventsIsRefusedAsBad() {
        OutgoingRecord record = CloudEvents.record(Topics.RUN_EVENTS, run.id.toString(), UUID.randomUUID(),
                "dev.orchestrion.run.progressed", now, run.id.toString(), run.tenant, Map.of("runId", run.id));
        assertThatThrownBy(() -> RunEventRecords.read(consumed(record))).isInstanceOf(IllegalArgumentException.class);
    }

    private Checkpoint.Event event(String type, Map<String, Object> specific) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", run.id.toString());
        data.put("tenant", run.tenant);
        data.put("workflowDefinitionId", run.definitionId.toString());
        data.put("version", run.version);
        data.put("caseId", run.caseId.toString());
        data.put("occurredAt", now.toString());
        data.putAll(specific);
        return new Checkpoint.Event(UUID.randomUUID(), type, data, now);
    }

    private static Map<String, Object> node(String id) {
        return Map.of("nodeId", id, "nodeType", "set", "attempt", 1);
    }

    private static List<UUID> ids(List<Checkpoint.Event> events) {
        return events.stream().map(Checkpoint.Event::id).toList();
    }

    /** The record as a consumer receives it. */
    private static ConsumerRecord<String, String> consumed(OutgoingRecord record) {
        ConsumerRecord<String, String> consumed = new ConsumerRecord<>(record.topic(), 0, 0, record.key(),
                record.value());
        record.headers().forEach((name, value) -> consumed.headers()
                .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return consumed;
    }

    private static Run run() {
        Run run = new Run();
        run.id = UUID.randomUUID();
        run.tenant = "acme";
        run.definitionId = UUID.randomUUID();
        run.version = 1;
        run.caseId = UUID.randomUUID();
        return run;
    }
}
