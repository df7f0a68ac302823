package dev.orchestrion.runner.engine.node;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Assigns variables from expressions, in order; each is visible to the next as {@code vars.<name>}. */
public class SetExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "set";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PURE;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        JsonNode assignments = context.raw("assignments");
        Map<String, Object> assigned = new LinkedHashMap<>();
        if (assignments != null) {
            for (JsonNode assignment : assignments) {
                String name = assignment.path("name").asText();
                Object value = context.evaluate(assignment.path("value").asText());
                context.budget().stored("Assignment " + name + " of node " + context.node().id(), value);
                assigned.put(name, value);
                context.assign(name, value);
            }
        }
        context.record("assignments", assigned);
        return new NodeResult.Completed("next", assigned, new StateChange.VarsAssigned(assigned));
    }
}
