package dev.orchestrion.runner.engine.node;

/**
 * Executes one node type (docs/node-types.md). Executors are found by {@link #type()} in {@link NodeExecutors}.
 * {@link #execute} computes over a read-only view of the run and returns a result: it neither blocks nor calls out
 * (a call is returned as a {@link NodeResult.Call} description) nor writes the run state (a change is returned as a
 * {@link StateChange}).
 */
public interface NodeExecutor {

    String type();

    /** What executing a node of this type may do; a result that does not fit it fails the node. */
    NodeKind kind();

    NodeResult execute(NodeContext context);
}
