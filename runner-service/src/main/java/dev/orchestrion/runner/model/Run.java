package dev.orchestrion.runner.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A run as the engine and the repositories see it: one row of {@code runs}, its execution state checkpointed as
 * JSON. {@code stateVersion} guards checkpoints (a writer that read an older version loses).
 */
public final class Run {

    public UUID id;
    public String tenant;
    public UUID definitionId;
    public int version;
    public UUID caseId;
    public UUID parametersId;
    public String environment = "production";
    public RunStatus status = RunStatus.PENDING;
    public Instant createdAt;
    public Instant startedAt;
    public Instant endedAt;
    public Map<String, Object> result;
    public Map<String, Object> error;
    public RunState state = new RunState();
    public long stateVersion;
    /** The state's size as JSON when last read or written (negative: unknown); where the run's budget starts. */
    public long stateSize = -1;
    public UUID parentRunId;
    public String parentNodeId;
    public String trigger = "api";
    public String callbackUrl;

    /** Moves to {@code target} through the one transition guard. */
    public void moveTo(RunStatus target) {
        status = status.checkTransitionTo(target);
    }

    /** A PENDING run starts running. */
    public void started(Instant now) {
        moveTo(RunStatus.RUNNING);
        startedAt = now;
    }

    /** The run parks until a timer, a signal or a child run resumes it. */
    public void parked() {
        moveTo(RunStatus.WAITING);
    }

    /** A parked run runs again (a RUNNING one, waiting for a call or a retry backoff, stays RUNNING). */
    public void resumed() {
        if (status == RunStatus.WAITING) {
            moveTo(RunStatus.RUNNING);
        }
    }

    public void completed(Map<String, Object> result, Instant now) {
        moveTo(RunStatus.COMPLETED);
        this.result = result;
        endedAt = now;
    }

    public void failed(Map<String, Object> error, Instant now) {
        moveTo(RunStatus.FAILED);
        this.error = error;
        endedAt = now;
    }

    public void cancelled(Instant now) {
        moveTo(RunStatus.CANCELLED);
        endedAt = now;
    }

    /** A FAILED run runs again from its failed node. */
    public void retried() {
        moveTo(RunStatus.RUNNING);
        endedAt = null;
        error = null;
    }
}
