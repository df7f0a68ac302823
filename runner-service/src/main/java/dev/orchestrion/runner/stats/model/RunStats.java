package dev.orchestrion.runner.stats.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A run as the statistics know it from its events: its latest status (and when and how decisively it was set, so that
 * a late event cannot move it back), the node it waits in, and its start and end.
 */
public record RunStats(UUID runId, String tenant, UUID definitionId, int version, String status, Instant statusAt,
        int statusRank, String waitingNode, Instant startedAt, Instant endedAt, Instant firstSeenAt) {
}
