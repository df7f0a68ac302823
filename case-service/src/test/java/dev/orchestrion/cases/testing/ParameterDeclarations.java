package dev.orchestrion.cases.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parameter declarations as definition-service serves them (docs/node-types.md, "Parameters"). */
public final class ParameterDeclarations {

    private ParameterDeclarations() {
    }

    public static Map<String, Object> optional(String name, String type) {
        return declaration(name, type, false, null, Map.of());
    }

    public static Map<String, Object> required(String name, String type) {
        return declaration(name, type, true, null, Map.of());
    }

    public static Map<String, Object> declaration(String name, String type, boolean required, Object defaultValue,
            Map<String, Object> validations) {
        Map<String, Object> declaration = new LinkedHashMap<>();
        declaration.put("name", name);
        declaration.put("type", type);
        declaration.put("required", required);
        declaration.put("default", defaultValue);
        declaration.put("redacted", false);
        declaration.put("description", "the " + name);
        declaration.put("validations", validations);
        return declaration;
    }
}
