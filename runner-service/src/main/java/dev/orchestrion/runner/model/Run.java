package dev.orchestrion.runner.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.engine.state.RunState;

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
}
