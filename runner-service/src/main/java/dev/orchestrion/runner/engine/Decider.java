package dev.orchestrion.runner.engine;

import java.util.List;
import java.util.Optional;

import dev.orchestrion.runner.engine.graph.RetryPolicy;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.engine.state.RunState;

/**
 * The pure decide step: given the graph and the run state, what happens after a node completed or failed. No I/O
 * and no clock; unit-tested without Quarkus.
 */
public final class Decider {

    private Decider() {
    }

    /** After {@code nodeId} completed taking {@code output}. */
    public static Decision afterCompleted(WorkflowGraph graph, RunState state, String nodeId, String output) {
        Optional<String> next = graph.next(nodeId, output);
        if (next.isPresent()) {
            return new Decision.Execute(next.get());
        }
        List<RunState.Frame> frames = state.frames;
        if (!frames.isEmpty()) {
            // The end of a forEach item branch: back to the forEach for the next element.
            return new Decision.Execute(frames.get(frames.size() - 1).nodeId);
        }
        return new Decision.Finish();
    }

    /** After attempt {@code attempt} of {@code nodeId} failed with a failure of {@code kind}. */
    public static Decision afterFailure(WorkflowGraph graph, RunState state, String nodeId, int attempt, String kind) {
        RetryPolicy policy = graph.retryPolicy(nodeId);
        if (policy.retries(kind, attempt)) {
            return new Decision.Retry(policy.backoff(attempt));
        }
        if (!state.onErrorPath) {
            Optional<String> errorPath = graph.next(graph.startNodeId(), "error");
            if (errorPath.isPresent()) {
                return new Decision.TakeErrorPath(errorPath.get());
            }
        }
        return new Decision.Fail();
    }
}
