package dev.orchestrion.runner.deadletter.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A consumed record that its consumer could not process for its own reason, as stored: where it came from, whose it
 * is (null tenant: the record names none that could be read), why it failed, and what became of replays.
 */
public record DeadLetter(UUID id, String consumer, String topic, int partition, long offset, String tenant,
        String eventType, String eventId, byte[] key, Map<String, String> headers, byte[] payload, String error,
        Instant deadLetteredAt, Status status, int replays, Instant lastReplayAt, String lastReplayBy,
        String lastReplayError) {

    /** DEAD until a replay succeeds; a REPLAYED one is never run again. */
    public enum Status {
        DEAD, REPLAYED
    }
}
