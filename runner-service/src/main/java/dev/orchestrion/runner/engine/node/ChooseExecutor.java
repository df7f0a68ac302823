package dev.orchestrion.runner.engine.node;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Takes the output of the first case whose condition holds, else {@code default}. */
public class ChooseExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "choose";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PURE;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        JsonNode cases = context.raw("cases");
        if (cases != null) {
            for (JsonNode candidate : cases) {
                String name = candidate.path("name").asText();
                if (context.evaluateCondition(candidate.path("condition").asText())) {
                    context.record("case", name);
                    return new NodeResult.Completed(name, Map.of("case", name));
                }
            }
        }
        context.record("case", "default");
        return new NodeResult.Completed("default", Map.of("case", "default"));
    }
}
