package dev.orchestrion.runner.engine.node;

/**
 * What executing a node of a type may do, known from the type alone: whether a stretch of nodes can run in one go
 * (pure nodes only compute over the run state), must hand a call to the world, or parks the run.
 */
public enum NodeKind {

    /** Computes over the run state and completes or fails at once (start, set, if, choose, split, forEach, end, fail). */
    PURE,
    /** Describes a call that code outside the engine makes (http, sendEmail, updateCase, contentTransition, subWorkflow). */
    CALL,
    /** May park the run until a timer or a signal (delay, waitForEvent); completes at once when that moment is here. */
    WAIT;

    /** Whether an executor of this kind may answer {@code result}: anything but a call or a wait of another kind. */
    public boolean allows(NodeResult result) {
        if (result instanceof NodeResult.Call) {
            return this == CALL;
        }
        if (result instanceof NodeResult.Waiting || result instanceof NodeResult.WaitingForChild) {
            return this == WAIT;
        }
        return true;
    }
}
