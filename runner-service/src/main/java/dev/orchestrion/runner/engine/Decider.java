package dev.orchestrion.runner.engine;

import java.util.Optional;

import dev.orchestrion.runner.engine.graph.RetryPolicy;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;

/**
 * The pure decide step: given the graph and the run state, what happens after a node completed or failed. No I/O
 * and no clock; unit-tested without Quarkus.
 */
public final class Decider {

    private Decider() {
    }

    /**
     * After {@code nodeId} completed taking {@code output}; {@code innermostLoop} is the forEach whose item branch
     * the run is in (null outside any).
     */
    public static Decision afterCompleted(WorkflowGraph graph, String nodeId, String output, String innermostLoop) {
        Optional<String> next = graph.next(nodeId, output);
        if (next.isPresent()) {
            return new Decision.Execute(next.get());
        }
        if (innermostLoop != null) {
            // The end of a forEach item branch: back to the forEach for the next element.
            return new Decision.Execute(innermostLoop);
        }
        return new Decision.Finish();
    }

    /**
     * After attempt {@code attempt} of {@code nodeId} failed with a failure of {@code kind}; {@code onErrorPath}
     * says whether the run already is on the start node's error path.
     */
    public static Decision afterFailure(WorkflowGraph graph, String nodeId, int attempt, String kind,
            boolean onErrorPath) {
        RetryPolicy policy = graph.retryPolicy(nodeId);
        if (policy.retries(kind, attempt)) {
            return new Decision.Retry(policy.backoff(attempt));
        }
        if (!onErrorPath) {
            Optional<String> errorPath = graph.next(graph.startNodeId(), "error");
            if (errorPath.isPresent()) {
                return new Decision.TakeErrorPath(errorPath.get());
            }
        }
        return new Decision.Fail();
    }
}
