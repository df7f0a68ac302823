package dev.orchestrion.runner.engine.call;

import java.util.Map;

/**
 * What an outbound call needs once it runs outside the engine: the run it belongs to and the node's inputs,
 * already resolved from expressions and data connectors when the node started.
 */
public record CallContext(String runId, String tenant, String caseId, String definitionId, int version,
        String environment, String nodeId, int attempt, String idempotencyKey, Map<String, Object> inputs,
        Map<String, String> connections) {

    public Object input(String name) {
        return inputs.get(name);
    }

    public String text(String name) {
        Object value = inputs.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
