package dev.orchestrion.runner.engine.node;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** The start node: execution begins at its {@code next} output. */
@ApplicationScoped
public class StartExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "start";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.next(Map.of());
    }
}
