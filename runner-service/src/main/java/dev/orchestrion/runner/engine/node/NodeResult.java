package dev.orchestrion.runner.engine.node;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.orchestrion.runner.engine.call.CallRequest;

/** What executing a node produced. */
public sealed interface NodeResult {

    /**
     * The node did its work and execution follows {@code output}; {@code data} becomes {@code nodes.<id>}, and the
     * engine applies {@code change} (null for none) to the run state.
     */
    record Completed(String output, Map<String, Object> data, StateChange change) implements NodeResult {

        public Completed(String output, Map<String, Object> data) {
            this(output, data, null);
        }
    }

    /**
     * The attempt failed. {@code kind} is what the retry policy matches ({@code timeout}, {@code network},
     * {@code 5xx}, {@code 4xx}, {@code expression}, {@code error}).
     */
    record Failed(String message, String kind, String code) implements NodeResult {
    }

    /** The run parks until a timer ({@code until}) or a signal (optionally with a timeout at {@code until}). */
    record Waiting(String signal, Instant until) implements NodeResult {

        public static Waiting timer(Instant until) {
            return new Waiting(null, until);
        }

        public static Waiting signal(String name, Instant timeoutAt) {
            return new Waiting(name, timeoutAt);
        }
    }

    /** The run waits for a child run it started. */
    record WaitingForChild(String childRunId) implements NodeResult {
    }

    /** An end node: the run completes with {@code result}. */
    record Ended(Map<String, Object> result) implements NodeResult {
    }

    /** A fail node: the run fails with this message, on purpose (no retry, no error path). */
    record RunFailed(String message, String code) implements NodeResult {
    }

    /**
     * An outbound call, described: the engine checkpoints the step as running, then the call is made outside the
     * engine's batch and its outcome resumes the run. {@code timeout} bounds one attempt when the node sets none.
     */
    record Call(Duration timeout, CallRequest request) implements NodeResult {
    }

    static Completed next(Map<String, Object> data) {
        return new Completed("next", data);
    }

    static Failed failed(String message, String kind) {
        return new Failed(message, kind, null);
    }
}
