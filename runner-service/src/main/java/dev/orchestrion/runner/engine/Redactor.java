package dev.orchestrion.runner.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks the values of redacted parameters wherever they show up in what the run history records (step inputs
 * and outputs): equal values become {@code "***"}, and inside longer text (a rendered URL, say) the value is
 * replaced. Values shorter than four characters are masked only when they are the whole value.
 */
final class Redactor {

    static final String MASK = "***";
    private static final Redactor NONE = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redactor of(Set<String> redactedParameters, Map<String, Object> params) {
        if (redactedParameters.isEmpty()) {
            return NONE;
        }
        List<String> secrets = new ArrayList<>();
        for (String name : redactedParameters) {
            Object value = params.get(name);
            if (value != null && !(value instanceof Map) && !(value instanceof List)) {
                secrets.add(String.valueOf(value));
            }
        }
        return secrets.isEmpty() ? NONE : new Redactor(secrets);
    }

    @SuppressWarnings("unchecked")
    <T> T mask(T value) {
        if (secrets.isEmpty() || value == null) {
            return value;
        }
        return (T) maskValue(value);
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
