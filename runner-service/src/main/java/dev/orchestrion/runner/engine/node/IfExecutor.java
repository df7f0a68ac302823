package dev.orchestrion.runner.engine.node;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** Takes {@code true} or {@code false} as its condition says. */
@ApplicationScoped
public class IfExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "if";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        boolean result = context.condition("condition");
        return new NodeResult.Completed(String.valueOf(result), Map.of("result", result));
    }
}
