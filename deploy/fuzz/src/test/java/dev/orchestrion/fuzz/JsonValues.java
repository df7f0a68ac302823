package dev.orchestrion.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Values for request bodies: a plausible one for a schema, and hostile variants of it. Every text that could be read
 * as a host or URL points at loopback (port 9, where nothing listens): the platform must never be made to connect to
 * an address outside 127.0.0.0/8, not even to resolve a name.
 */
final class JsonValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String LOOPBACK_URL = "http://127.0.0.1:9/fuzz";

    /** Text that some store cannot hold, or that attacks paths, parsers and renderers. */
    static final List<String> HOSTILE_TEXT = List.of("nul\u0000inside", "\u0000", "lone \uD800 high surrogate",
            "lone \uDC00 low surrogate", "../../../etc/passwd", "%00", "\u202Eright-to-left", "'; DROP TABLE x; --",
            "{{7*7}}${7*7}", "<script>alert(1)</script>", "\uFEFFbom", " ", "", "x".repeat(70_000),
            "\uD83D\uDE00 emoji", "line\r\nbreak");

    private final OpenApi api;
    private final Random random;
    private final Supplier<String> someId;

    JsonValues(OpenApi api, Random random, Supplier<String> someId) {
        this.api = api;
        this.random = random;
        this.someId = someId;
    }

    /** A value the schema describes, as a careful client would send it (as far as a schema tells). */
    JsonNode plausible(JsonNode schema, String name, int depth) {
        schema = api.resolve(schema);
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.path(combinator).size() > 0) {
                return plausible(schema.path(combinator).get(0), name, depth);
            }
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" : {
                ObjectNode object = NODES.objectNode();
                if (depth > 5) {
                    return object;
                }
                Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    boolean required = contains(schema.path("required"), property.getKey());
                    if (required || random.nextInt(3) > 0) {
                        object.set(property.getKey(), plausible(property.getValue(), property.getKey(), depth + 1));
                    }
                }
                if (object.isEmpty() && schema.path("additionalProperties").isObject()) {
                    object.put("fuzz", "value");
                }
                return object;
            }
            case "array" : {
                ArrayNode array = NODES.arrayNode();
                if (depth <= 5) {
                    array.add(plausible(schema.path("items"), name, depth + 1));
                }
                return array;
            }
            case "integer" :
                return NODES.numberNode(Math.max(schema.path("minimum").asInt(0), 1));
            case "number" :
                return NODES.numberNode(1.5);
            case "boolean" :
                return NODES.booleanNode(random.nextBoolean());
            case "string" :
                return NODES.textNode(text(schema.path("format").asText(""), name));
            default :
                return NODES.textNode(text("", name));
        }
    }

    private String text(String format, String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (format.equals("uri") || format.equals("url") || lower.contains("url") || lower.contains("uri")
                || lower.contains("endpoint") || lower.contains("href")) {
            return LOOPBACK_URL;
        }
        if (lower.contains("host") || lower.contains("server") || lower.contains("domain")
                || lower.contains("address")) {
            return "127.0.0.1";
        }
        return switch (format) {
            case "uuid" -> someId.get();
            case "date-time" -> "2026-12-05T12:00:00Z";
            case "date" -> "2026-12-05";
            case "email" -> "fuzz@example.com";
            case "duration" -> "PT1S";
            default -> lower.endsWith("id") ? someId.get() : "fuzz " + UUID.randomUUID().toString().substring(0, 6);
        };
    }

    /** The plausible value with one hostile change somewhere inside it. */
    JsonNode hostile(JsonNode plausible) {
        JsonNode copy = plausible.deepCopy();
        List<Slot> slots = new ArrayList<>();
        collect(copy, slots, 0);
        if (slots.isEmpty()) {
            return NODES.textNode(pick(HOSTILE_TEXT));
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode replacement = switch (random.nextInt(9)) {
            case 0, 1, 2, 3 -> NODES.textNode(pick(HOSTILE_TEXT));
            case 4 -> NODES.nullNode();
            case 5 -> NODES.numberNode(random.nextBoolean() ? -1 : Long.MAX_VALUE);
            case 6 -> NODES.arrayNode().add(pick(HOSTILE_TEXT));
            case 7 -> NODES.objectNode().put(pick(HOSTILE_TEXT), pick(HOSTILE_TEXT));
            default -> deep(random.nextInt(2) == 0 ? 40 : 900);
        };
        if (slot.parent() == null) {
            return replacement;
        }
        if (slot.parent() instanceof ObjectNode object) {
            if (random.nextInt(8) == 0) {
                // a hostile key beside the known ones
                object.set(pick(HOSTILE_TEXT), replacement);
            } else if (random.nextInt(8) == 0) {
                object.remove(slot.field());
            } else {
                object.set(slot.field(), replacement);
            }
        } else if (slot.parent() instanceof ArrayNode array) {
            array.set(slot.index(), replacement);
        }
        return copy;
    }

    /** A whole body that is not the JSON document the endpoint expects. */
    String hostileDocument(String plausibleJson) {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "null";
            case 2 -> plausibleJson + " trailing";
            case 3 -> plausibleJson + plausibleJson;
            case 4 -> "{\"unterminated\": ";
            case 5 -> "[]";
            case 6 -> "\"just a string\"";
            case 7 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 8 -> "{\"a\":\"\\u0000\"}";
            default -> "{\"a\": \"\\ud800\"}";
        };
    }

    String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static JsonNode deep(int levels) {
        JsonNode node = TextNode.valueOf("bottom");
        for (int i = 0; i < levels; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    private record Slot(JsonNode parent, String field, int index) {
    }

    private static void collect(JsonNode node, List<Slot> slots, int depth) {
        if (depth == 0) {
            slots.add(new Slot(null, null, -1));
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                slots.add(new Slot(object, field.getKey(), -1));
                collect(field.getValue(), slots, depth + 1);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots, depth + 1);
            }
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
