package dev.orchestrion.runner.run.model;

import java.time.Instant;

import dev.orchestrion.runner.model.StepStatus;

/**
 * What became of one node in one run, over all its executions: the path a run took and how each node on it ended.
 *
 * @param status the status of its latest execution
 * @param executions how many times it was executed (attempts and loop iterations)
 * @param failures how many of those failed
 * @param lastEndedAt when its latest ended execution ended, or null while none has
 */
public record NodeOutcome(String nodeId, String nodeType, StepStatus status, int executions, int failures,
        Instant firstStartedAt, Instant lastEndedAt) {
}
