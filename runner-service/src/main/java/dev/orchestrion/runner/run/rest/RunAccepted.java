package dev.orchestrion.runner.run.rest;

import java.util.UUID;

import dev.orchestrion.runner.model.RunStatus;

/** The answer to a run request: the run's id, its case and its status. */
public record RunAccepted(UUID id, UUID caseId, RunStatus status) {
}
