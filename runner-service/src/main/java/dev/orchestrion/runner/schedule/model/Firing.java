package dev.orchestrion.runner.schedule.model;

import java.time.Instant;
import java.util.UUID;

/** A decided schedule tick as operators see it: STARTED (with its run), SKIPPED or FAILED (with why), or PENDING. */
public record Firing(Instant tick, String status, boolean missed, UUID runId, String reason, Instant decidedAt) {
}
