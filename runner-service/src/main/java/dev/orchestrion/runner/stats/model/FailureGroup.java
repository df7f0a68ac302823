package dev.orchestrion.runner.stats.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Runs of a definition that are FAILED now, grouped by the node that failed them and the error code: an incident an
 * operator resolves by retrying (the run leaves FAILED) or accepts.
 *
 * @param nodeId the node that failed the runs, or null for runs failed outside any node (a run timeout)
 * @param code the error code, or null when the failure has none
 * @param runs how many runs failed so
 * @param lastMessage the error message of the latest of them (redacted values masked, as stored)
 */
public record FailureGroup(String nodeId, String nodeType, String code, long runs, String lastMessage, UUID lastRunId,
        Instant lastFailedAt) {
}
