package dev.orchestrion.runner.deadletter.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orchestrion.runner.deadletter.model.DeadLetter;

/** A dead letter as operators see it. */
public record DeadLetterView(UUID id,
        @Schema(description = "The consumer group that gave up on the record") String consumer, String topic,
        int partition, long offset,
        @Schema(description = "The record's tenant; null when it names none that could be read (visible only to platform-operator)") String tenant,
        @Schema(description = "The record's ce_type, when it has one") String eventType,
        @Schema(description = "The record's ce_id, when it has one") String eventId, String key,
        Map<String, String> headers,
        @Schema(description = "The record's value as UTF-8 text, cut at 64 KiB (payloadTruncated)") String payload,
        boolean payloadTruncated, @Schema(description = "Why the consumer gave up") String error,
        Instant deadLetteredAt, @Schema(description = "DEAD, or REPLAYED once a replay succeeded") String status,
        int replays, Instant lastReplayAt, String lastReplayBy, String lastReplayError) {

    static final int MAX_PAYLOAD = 64 * 1024;

    static DeadLetterView of(DeadLetter d) {
        String payload = d.payload() == null ? null : new String(d.payload(), StandardCharsets.UTF_8);
        boolean truncated = payload != null && payload.length() > MAX_PAYLOAD;
        return new DeadLetterView(d.id(), d.consumer(), d.topic(), d.partition(), d.offset(), d.tenant(), d.eventType(),
                d.eventId(), d.key() == null ? null : new String(d.key(), StandardCharsets.UTF_8), d.headers(),
                truncated ? payload.substring(0, MAX_PAYLOAD) : payload, truncated, d.error(), d.deadLetteredAt(),
                d.status().name(), d.replays(), d.lastReplayAt(), d.lastReplayBy(), d.lastReplayError());
    }
}
