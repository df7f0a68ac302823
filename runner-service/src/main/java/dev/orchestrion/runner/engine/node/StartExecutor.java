package dev.orchestrion.runner.engine.node;

import java.util.Map;

/** The start node: execution begins at its {@code next} output. */
public class StartExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "start";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PURE;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.next(Map.of());
    }
}
