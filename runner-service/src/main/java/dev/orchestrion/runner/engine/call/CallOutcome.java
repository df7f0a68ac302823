package dev.orchestrion.runner.engine.call;

import java.util.Map;

/** How an outbound call ended, as it comes back to its run (in a CallEnded command). */
public sealed interface CallOutcome {

    /** The call did its work: the node completes taking {@code output}, {@code data} becomes its output. */
    record Completed(String output, Map<String, Object> data) implements CallOutcome {
    }

    /**
     * The attempt failed; {@code kind} is what retry policies match ({@code timeout}, {@code network}, {@code 5xx},
     * {@code 4xx}, {@code refused}, {@code budget}, {@code error}).
     */
    record Failed(String message, String kind, String code) implements CallOutcome {
    }

    /** A subWorkflow's child run started and the node waits for it to end. */
    record ChildStarted(String childRunId) implements CallOutcome {
    }
}
