package dev.orchestrion.runner.run.rest;

import java.util.UUID;

import dev.orchestrion.runner.model.RunStatus;

/** A control command (cancel, signal, retry) was accepted; the run's status when it was. */
public record CommandAccepted(UUID id, RunStatus status, String accepted) {
}
