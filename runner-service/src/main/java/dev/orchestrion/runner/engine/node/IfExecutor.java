package dev.orchestrion.runner.engine.node;

import java.util.Map;

/** Takes {@code true} or {@code false} as its condition says. */
public class IfExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "if";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PURE;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        boolean result = context.condition("condition");
        return new NodeResult.Completed(String.valueOf(result), Map.of("result", result));
    }
}
