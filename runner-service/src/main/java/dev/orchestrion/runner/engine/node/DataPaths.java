package dev.orchestrion.runner.engine.node;

import java.util.List;
import java.util.Map;

/** Reads a JSON Pointer (RFC 6901) out of a node's output data (maps and lists). */
public final class DataPaths {

    private DataPaths() {
    }

    /** The value at {@code pointer} in {@code data}, or null where the path does not lead anywhere. */
    public static Object read(Object data, String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return data;
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("A data path must start with '/': " + pointer);
        }
        Object current = data;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> map) {
                current = map.get(token);
            } else if (current instanceof List<?> list) {
                try {
                    int index = Integer.parseInt(token);
                    current = index >= 0 && index < list.size() ? list.get(index) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return current;
    }
}
