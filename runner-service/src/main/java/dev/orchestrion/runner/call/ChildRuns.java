package dev.orchestrion.runner.call;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Starts child runs for subWorkflow nodes (implemented by the run request service). */
public interface ChildRuns {

    /**
     * Starts a run of the definition's current published version for the same case, or answers the run already
     * started under {@code idempotencyKey}.
     *
     * @param secrets values the child must mask like redacted parameters (the parent's secrets and what it derived
     *        from them); empty for none
     * @return the child run's id
     */
    Uni<UUID> startChild(String tenant, String definitionId, UUID caseId, String environment,
            Map<String, Object> parameters, List<Object> secrets, UUID parentRunId, String parentNodeId,
            String idempotencyKey);
}
