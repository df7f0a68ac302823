package dev.orchestrion.runner.stats.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A definition's statistics over a window.
 *
 * @param version the version counted, or null for all versions
 * @param window the window's name: all, hour or day
 * @param since the start of the window, or null for all time
 * @param generatedAt when they were counted
 */
public record DefinitionStats(UUID definitionId, Integer version, String window, Instant since, Instant generatedAt,
        RunTotals runs, List<NodeTotals> nodes) {
}
