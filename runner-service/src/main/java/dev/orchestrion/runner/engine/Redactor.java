package dev.orchestrion.runner.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.orchestrion.runner.engine.graph.RedactionPlan;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.model.RunState;

/**
 * Masks redacted parameters in everything a run lets out: step inputs and outputs, the run's result and error, and
 * so the events, webhooks and callbacks made of them. Two rules (docs/node-types.md, "Redacted parameters"): what
 * the definition derives from a redacted parameter ({@link RedactionPlan}) becomes {@code "***"} as a whole, and
 * the secret values themselves are masked wherever they appear: equal values become {@code "***"}, and inside
 * longer text (a rendered URL, say) the value is replaced. Values shorter than four characters are masked only when
 * they are the whole value. The run's own state keeps the real values: nodes need them.
 */
final class Redactor {

    static final String MASK = "***";
    private static final Redactor NONE = new Redactor(List.of(), null);

    private final List<String> secrets;
    private final RedactionPlan plan;

    private Redactor(List<String> secrets, RedactionPlan plan) {
        this.secrets = secrets;
        this.plan = plan;
    }

    static Redactor of(WorkflowGraph graph, RunState state) {
        Set<String> redacted = graph.redactedParameters();
        List<Object> inherited = state.inheritedSecrets();
        if (redacted.isEmpty() && inherited == null) {
            return NONE;
        }
        List<String> secrets = new ArrayList<>();
        for (String name : redacted) {
            collectSecrets(state.params().get(name), secrets);
        }
        if (inherited != null) {
            inherited.forEach(secret -> collectSecrets(secret, secrets));
        }
        return secrets.isEmpty() ? NONE : new Redactor(secrets, graph.redactionPlan());
    }

    /** The texts and numbers of a redacted value; booleans and null are too common to be secrets. */
    private static void collectSecrets(Object value, List<String> secrets) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectSecrets(v, secrets));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectSecrets(v, secrets));
        } else if (value instanceof String || value instanceof Number) {
            String text = String.valueOf(value);
            if (!text.isEmpty()) {
                secrets.add(text);
            }
        }
    }

    /** A node's step inputs as they may be shown. */
    Map<String, Object> inputs(String nodeId, Map<String, Object> inputs) {
        if (secrets.isEmpty() || inputs == null) {
            return inputs;
        }
        return mask(maskPaths(inputs, plan.maskedInputs(nodeId)));
    }

    /** A node's output data (for an end node: the run's result) as it may be shown. */
    Map<String, Object> outputs(String nodeId, Map<String, Object> outputs) {
        if (secrets.isEmpty() || outputs == null) {
            return outputs;
        }
        return mask(maskPaths(outputs, plan.maskedOutputs(nodeId)));
    }

    /** A node's failure message as it may be shown: a message rendered from a derived value is masked whole. */
    String message(String nodeId, String message) {
        if (secrets.isEmpty() || message == null) {
            return message;
        }
        return plan.maskedInputs(nodeId).contains(List.of("message")) ? MASK : mask(message);
    }

    /** Masks the secret values wherever they appear in {@code value}. */
    @SuppressWarnings("unchecked")
    <T> T mask(T value) {
        if (secrets.isEmpty() || value == null) {
            return value;
        }
        return (T) maskValue(value);
    }

    /** A copy of {@code data} with the value at each path (of one or two keys) replaced by the mask. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> maskPaths(Map<String, Object> data, Set<List<String>> paths) {
        if (paths.isEmpty()) {
            return data;
        }
        Map<String, Object> copy = new LinkedHashMap<>(data);
        for (List<String> path : paths) {
            String key = path.get(0);
            if (!copy.containsKey(key)) {
                continue;
            }
            if (path.size() == 1) {
                copy.put(key, MASK);
            } else if (copy.get(key) instanceof Map<?, ?> inner && inner.containsKey(path.get(1))) {
                Map<String, Object> innerCopy = new LinkedHashMap<>((Map<String, Object>) inner);
                innerCopy.put(path.get(1), MASK);
                copy.put(key, innerCopy);
            }
        }
        return copy;
    }

    private Object maskValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), maskValue(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(element -> out.add(maskValue(element)));
            return out;
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            return value;
        }
        String text = String.valueOf(value);
        for (String secret : secrets) {
            if (text.equals(secret)) {
                return MASK;
            }
            if (secret.length() >= 4 && value instanceof String && text.contains(secret)) {
                text = text.replace(secret, MASK);
            }
        }
        return value instanceof String ? text : value;
    }
}
