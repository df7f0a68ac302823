package dev.orchestrion.runner.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.json.Json;
import dev.orchestrion.support.messaging.CloudEvent;
import dev.orchestrion.support.messaging.CloudEventWriter;
import dev.orchestrion.support.messaging.OutgoingRecord;

/** The runner's CloudEvents: its {@code ce_source}, its type prefix, and records written by the shared writer. */
public final class CloudEvents {

    public static final String SOURCE = "/orchestrion/runner-service";
    public static final String TYPE_PREFIX = "dev.orchestrion.run.";

    private static final CloudEventWriter WRITER = new CloudEventWriter(SOURCE);

    private CloudEvents() {
    }

    public static OutgoingRecord record(String topic, String key, UUID id, String type, Instant time, String subject,
            String tenant, Map<String, Object> data) {
        return WRITER.record(topic, key, new CloudEvent(id.toString(), type, time, subject, tenant), Json.write(data));
    }
}
