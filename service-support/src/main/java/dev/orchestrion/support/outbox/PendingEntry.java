package dev.orchestrion.support.outbox;

import java.util.List;

import dev.orchestrion.support.messaging.OutgoingRecord;

/**
 * One entry of an outbox as the relay reads it: what the store knows it by, and the records it stands for (one
 * event, a transaction's records, or none for an entry the store only needed to prepare). An entry counts as
 * published once Kafka acknowledged every one of its records.
 */
public record PendingEntry<I>(I id, List<OutgoingRecord> records) {
}
