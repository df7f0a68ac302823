package dev.orchestrion.runner.stats.model;

import java.time.Instant;
import java.util.UUID;

/** Which runs to count: a definition, optionally one version, optionally those first seen since an instant. */
public record StatsScope(String tenant, UUID definitionId, Integer version, Instant since) {
}
