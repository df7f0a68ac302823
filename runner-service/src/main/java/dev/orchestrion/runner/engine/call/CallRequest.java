package dev.orchestrion.runner.engine.call;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A call to the world an executor asks for, described as plain data: the engine records the node's step as running
 * and code outside the engine (runner's {@code call} package, one performer per kind) makes the call after the
 * checkpoint commits, then feeds its {@link CallOutcome} back. Values are resolved (templates rendered, expressions
 * evaluated, secrets real); connections are referred to by id and looked up when the call is made.
 */
public sealed interface CallRequest {

    /**
     * An http node's request. {@code connectionId} (null for none) prefixes a relative {@code url} with its endpoint
     * and authenticates the request; a status outside {@code successStatus} fails the attempt; {@code timeout}
     * bounds each read of the answer (the attempt as a whole is bounded by the node's timeout too).
     */
    record HttpRequest(String method, String url, Map<String, String> headers, Map<String, String> query, Object body,
            List<String> successStatus, String connectionId, Duration timeout) implements CallRequest {
    }

    /** A sendEmail node's message, sent through SMTP connection {@code connectionId}. */
    record Email(String connectionId, List<String> to, String subject, String body,
            boolean html) implements CallRequest {
    }

    /** An updateCase node's JSON merge patch of the run's case. */
    record CasePatch(Map<String, Object> patch) implements CallRequest {
    }

    /** A contentTransition node's workflow event ({@code state.event}) on a content entry. */
    record ContentTransition(String contentType, String entryId, String event, String message) implements CallRequest {
    }

    /**
     * A subWorkflow node's child run of {@code definitionId} for the run's case. {@code secrets}: what the child must
     * mask (empty for none); {@code waitForEnd}: whether the node waits for the child to end.
     */
    record ChildRun(String definitionId, Map<String, Object> parameters, List<Object> secrets,
            boolean waitForEnd) implements CallRequest {
    }
}
