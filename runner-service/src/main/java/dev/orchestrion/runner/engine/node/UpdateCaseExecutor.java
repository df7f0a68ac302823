package dev.orchestrion.runner.engine.node;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.runner.engine.call.CallRequest;

/**
 * Merge-patches the run's case in case-service with the values of its {@code patch} expressions. The output holds
 * the case as it is afterwards ({@code nodes.<id>.case}); {@code case} in expressions stays the case the run
 * started with.
 */
public class UpdateCaseExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "updateCase";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.CALL;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        JsonNode patchExpressions = context.raw("patch");
        Map<String, Object> patch = new LinkedHashMap<>();
        if (patchExpressions != null && patchExpressions.isObject()) {
            patchExpressions.fields()
                    .forEachRemaining(f -> patch.put(f.getKey(),
                            f.getValue().isTextual()
                                    ? context.evaluate(f.getValue().asText())
                                    : NodeContext.literal(f.getValue())));
        }
        context.record("patch", patch);
        return new NodeResult.Call(Duration.ofSeconds(10), new CallRequest.CasePatch(patch));
    }
}
