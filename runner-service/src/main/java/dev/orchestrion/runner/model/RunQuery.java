package dev.orchestrion.runner.model;

import java.time.Instant;
import java.util.UUID;

/** Which runs a search asks for, within one tenant; a null filter means any. */
public record RunQuery(String tenant, UUID definitionId, UUID caseId, RunStatus status, Instant from, Instant to) {
}
