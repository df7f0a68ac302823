package dev.orchestrion.runner.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.mapping.Json;

/** Builds records in CloudEvents 1.0 Kafka binary mode: attributes as {@code ce_*} headers, data as the value. */
public final class CloudEvents {

    public static final String SOURCE = "/orchestrion/runner-service";
    public static final String TYPE_PREFIX = "dev.orchestrion.run.";

    private CloudEvents() {
    }

    public static OutboundRecord record(String topic, String key, UUID id, String type, Instant time, String subject,
            String tenant, Map<String, Object> data) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id.toString());
        headers.put("ce_source", SOURCE);
        headers.put("ce_type", type);
        headers.put("ce_time", time.toString());
        headers.put("ce_subject", subject);
        headers.put("ce_tenant", tenant);
        headers.put("content-type", "application/json");
        return new OutboundRecord(topic, key, headers, Json.write(data));
    }
}
