package dev.orchestrion.runner.engine.node;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Ends the run; its {@code result} mapping (name to expression) becomes the run's result. */
public class EndExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "end";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PURE;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        Map<String, Object> result = new LinkedHashMap<>();
        JsonNode mapping = context.raw("result");
        if (mapping != null && mapping.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = mapping.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                result.put(field.getKey(),
                        field.getValue().isTextual()
                                ? context.evaluate(field.getValue().asText())
                                : NodeContext.literal(field.getValue()));
            }
        }
        return new NodeResult.Ended(result);
    }
}
