package dev.orchestrion.runner.engine.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Starts a child run of another active definition for the same case, with parameters from expressions. With
 * {@code wait} (the default) the run parks until the child ends and takes its result as output; otherwise it goes
 * on at once. Starting is idempotent per node execution, so a retried start never makes a second child.
 */
@ApplicationScoped
public class SubWorkflowExecutor implements NodeExecutor {

    private final ChildRuns children;

    public SubWorkflowExecutor(ChildRuns children) {
        this.children = children;
    }

    @Override
    public String type() {
        return "subWorkflow";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String definitionId = context.text("definitionId", null);
        JsonNode expressions = context.raw("parameters");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (expressions != null && expressions.isObject()) {
            expressions.fields()
                    .forEachRemaining(f -> parameters.put(f.getKey(),
                            f.getValue().isTextual()
                                    ? context.evaluate(f.getValue().asText())
                                    : NodeContext.literal(f.getValue())));
        }
        boolean wait = !Boolean.FALSE.equals(context.literal("wait"));
        context.record("parameters", parameters);
        String nodeId = context.node().id();
        return new NodeResult.Call(java.time.Duration.ofSeconds(30),
                call -> children
                        .startChild(call.tenant(), definitionId, UUID.fromString(call.caseId()), call.environment(),
                                parameters, UUID.fromString(call.runId()), nodeId, call.idempotencyKey())
                        .map(childId -> {
                            if (wait) {
                                return new NodeResult.WaitingForChild(childId.toString());
                            }
                            Map<String, Object> data = new LinkedHashMap<>();
                            data.put("runId", childId.toString());
                            data.put("status", "PENDING");
                            data.put("result", null);
                            return new NodeResult.Completed("next", data);
                        }));
    }
}
