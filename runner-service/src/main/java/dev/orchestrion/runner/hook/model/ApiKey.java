package dev.orchestrion.runner.hook.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key for HTTP bindings: its tenant, the workflows it may start, and whether it is revoked. Never the key. */
public record ApiKey(UUID id, String tenant, String name, String prefix, List<UUID> definitionIds, Instant createdAt,
        String createdBy, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean mayStart(UUID definitionId) {
        return definitionIds.contains(definitionId);
    }
}
