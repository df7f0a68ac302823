package dev.orchestrion.runner.engine;

import java.util.Map;

/** What the engine is asked to do with a run (the run commands of {@code workflow.run-commands}). */
public sealed interface EngineCommand {

    /** Start a PENDING run, or continue a RUNNING one whose previous executor died. */
    record Start() implements EngineCommand {
    }

    /**
     * Continue a parked run. {@code reason} is one of {@code timer} (a timer of wait {@code waitId} fired),
     * {@code signal}, {@code node-result} (an outbound call of wait {@code waitId} ended with {@code outcome}),
     * {@code child-ended} (child run {@code childRunId} ended with {@code outcome}), {@code retry} (run a FAILED
     * run again from its failed node), {@code continue} (a long stretch yielded).
     */
    record Resume(String reason, String waitId, String signalName, Object signalData, Map<String, Object> outcome,
            String childRunId) implements EngineCommand {
    }

    record Cancel(String reason) implements EngineCommand {
    }
}
