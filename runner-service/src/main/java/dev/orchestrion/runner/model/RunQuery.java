package dev.orchestrion.runner.model;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which runs a search asks for, within one tenant; a null (or empty) filter means any.
 *
 * @param version the definition version the runs pin, or null for any
 * @param statuses the statuses a run may have, or empty for any
 * @param text what the user typed into the search, parsed, or null
 */
public record RunQuery(String tenant, UUID definitionId, Integer version, UUID caseId, Set<RunStatus> statuses,
        Instant from, Instant to, RunText text) {

    public RunQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
