package dev.orchestrion.runner.engine.node;

/**
 * Executes one node type (docs/node-types.md). Executors are found by {@link #type()} in {@link NodeExecutors}.
 * {@link #execute} runs inside the engine and must not block: work that leaves the process is returned as a
 * {@link NodeResult.Call}.
 */
public interface NodeExecutor {

    String type();

    NodeResult execute(NodeContext context);
}
