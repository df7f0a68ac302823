package dev.orchestrion.runner.stats.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A run event as the statistics read it: its id, the id of the record that carried it (the unit applied once: a
 * progressed record carries several events), kind (the CloudEvents type after {@code dev.orchestrion.run.}), the run
 * and its definition, when it happened, and the node and timestamps it carries.
 */
public record RunEventForStats(UUID eventId, UUID recordId, String kind, UUID runId, String tenant, UUID definitionId,
        int version, Instant occurredAt, String nodeId, String nodeType, Instant startedAt, Instant endedAt) {
}
