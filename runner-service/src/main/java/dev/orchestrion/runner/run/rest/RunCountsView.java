package dev.orchestrion.runner.run.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orchestrion.runner.model.RunStatus;

/** How many runs match a search, in all and by status. */
public record RunCountsView(@Schema(description = "Runs matching every filter") long total,
        @Schema(description = "Every status with its count, zero included: PENDING, RUNNING, WAITING, COMPLETED, FAILED, CANCELLED") Map<RunStatus, Long> byStatus) {
}
