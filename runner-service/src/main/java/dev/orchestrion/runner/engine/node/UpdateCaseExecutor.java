package dev.orchestrion.runner.engine.node;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.runner.client.CaseDirectory;

/**
 * Merge-patches the run's case in case-service with the values of its {@code patch} expressions. The output holds
 * the case as it is afterwards ({@code nodes.<id>.case}); {@code case} in expressions stays the case the run
 * started with.
 */
@ApplicationScoped
public class UpdateCaseExecutor implements NodeExecutor {

    private final CaseDirectory cases;

    public UpdateCaseExecutor(CaseDirectory cases) {
        this.cases = cases;
    }

    @Override
    public String type() {
        return "updateCase";
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
        return new NodeResult.Call(java.time.Duration.ofSeconds(10),
                call -> cases.patch(call.tenant(), call.caseId(), patch).map(updated -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("case", updated);
                    return new NodeResult.Completed("next", data);
                }));
    }
}
