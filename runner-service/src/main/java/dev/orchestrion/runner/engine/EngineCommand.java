package dev.orchestrion.runner.engine;

import java.util.Map;

import dev.orchestrion.runner.engine.call.CallOutcome;

/**
 * What the engine is asked to do with a run: one record per reason a run starts, resumes or stops. On Kafka they
 * travel as StartRun, ResumeRun (with a {@code reason}) and CancelRun; events/RunCommands maps them.
 */
public sealed interface EngineCommand {

    /** Start a PENDING run, or continue a RUNNING one whose previous executor died. */
    record Start() implements EngineCommand {
    }

    /** A signal arrived for the run (a waitForEvent takes it, now or later). */
    record Signal(String name, Object data) implements EngineCommand {
    }

    /** The timer of wait {@code waitId} fired (a delay, a retry backoff, a signal or call timeout, the run's). */
    record TimerFired(String waitId) implements EngineCommand {
    }

    /** The outbound call of wait {@code waitId} ended. */
    record CallEnded(String waitId, CallOutcome outcome) implements EngineCommand {
    }

    /** Child run {@code childRunId} ended {@code status} (COMPLETED, FAILED, CANCELLED) with a result or error. */
    record ChildEnded(String childRunId, String status, Map<String, Object> result,
            Map<String, Object> error) implements EngineCommand {
    }

    /** Run a FAILED run again from the node that failed it. */
    record Retry() implements EngineCommand {
    }

    /** Go on where the last stretch yielded (it had run many nodes). */
    record Continue() implements EngineCommand {
    }

    /** Stop the run (and the child it waits for). */
    record Cancel(String reason) implements EngineCommand {
    }
}
