package dev.orchestrion.runner.engine.node;

import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Starts child runs for subWorkflow nodes (implemented by the run request service). */
public interface ChildRuns {

    /**
     * Starts a run of the definition's current published version for the same case, or answers the run already
     * started under {@code idempotencyKey}.
     *
     * @return the child run's id
     */
    Uni<UUID> startChild(String tenant, String definitionId, UUID caseId, String environment,
            Map<String, Object> parameters, UUID parentRunId, String parentNodeId, String idempotencyKey);
}
