package dev.orchestrion.runner.engine.node;

import java.util.HashMap;
import java.util.Map;

/** The executor of each node type. */
public final class NodeExecutors {

    private final Map<String, NodeExecutor> byType = new HashMap<>();

    public NodeExecutors(Iterable<? extends NodeExecutor> executors) {
        for (NodeExecutor executor : executors) {
            if (byType.put(executor.type(), executor) != null) {
                throw new IllegalStateException("Two executors for node type " + executor.type());
            }
        }
    }

    public NodeExecutor forType(String type) {
        NodeExecutor executor = byType.get(type);
        if (executor == null) {
            throw new IllegalArgumentException("No executor for node type " + type);
        }
        return executor;
    }
}
