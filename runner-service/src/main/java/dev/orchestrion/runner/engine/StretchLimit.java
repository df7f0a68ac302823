package dev.orchestrion.runner.engine;

/**
 * When a stretch yields before the run ends or parks: the run is checkpointed with a Continue command and goes on
 * through {@code workflow.run-commands}. The engine asks after each node; a caller with a time budget (the eager
 * start in a request) answers from its own clock, so the engine itself reads none.
 */
@FunctionalInterface
public interface StretchLimit {

    /** The executors' bound: one run cannot hog a batch. */
    StretchLimit EXECUTOR = nodes(1000);

    /** Whether the stretch yields now, {@code executedNodes} nodes into it. */
    boolean reached(int executedNodes);

    /** Yields after {@code max} nodes. */
    static StretchLimit nodes(int max) {
        return executed -> executed >= max;
    }
}
