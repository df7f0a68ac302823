package dev.orchestrion.runner.engine.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A run's parameters as its expressions see them: the version's defaults filled in, and values typed as declared
 * ({@code number} always a double, {@code integer} always a long), since CEL does not mix the two.
 */
public final class Parameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Parameters() {
    }

    /** The parameters to run with, and the required ones that are still missing. */
    public record Resolved(Map<String, Object> values, List<String> missing) {
    }

    public static Resolved resolve(WorkflowVersion version, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>(given == null ? Map.of() : given);
        List<String> missing = new ArrayList<>();
        for (WorkflowVersion.Parameter parameter : version.parameters()) {
            Object value = values.get(parameter.name());
            if (value == null && parameter.defaultValue() != null && !parameter.defaultValue().isNull()) {
                value = JSON.convertValue(parameter.defaultValue(), Object.class);
            }
            if (value == null) {
                if (parameter.required()) {
                    missing.add(parameter.name());
                }
                continue;
            }
            values.put(parameter.name(), typed(parameter.type(), value));
        }
        return new Resolved(values, missing);
    }

    static Object typed(String type, Object value) {
        if ("number".equals(type) && value instanceof Number number) {
            return number.doubleValue();
        }
        if ("integer".equals(type) && value instanceof Number number) {
            return number.longValue();
        }
        return value;
    }
}
