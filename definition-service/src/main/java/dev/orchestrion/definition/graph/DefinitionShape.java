package dev.orchestrion.definition.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.DataConnector;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.ExecutionConnector;
import dev.orchestrion.definition.model.Node;
import dev.orchestrion.definition.model.ParameterSpec;

/**
 * Decides whether a definition is well-formed enough to be stored at all (docs/node-types.md: unknown node type,
 * duplicate node ids, missing node id or type, unknown properties, sizes). A malformed definition is refused with
 * 400; a well-formed one may still have incidents.
 */
public final class DefinitionShape {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG = 50;
    public static final int MAX_NODES = 1000;
    public static final int MAX_CONNECTORS = 5000;
    public static final int MAX_PARAMETERS = 200;
    public static final int MAX_CONTENTS = 200;
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Set<String> PARAMETER_TYPES = Set.of("string", "number", "integer", "boolean", "date",
            "object", "array");
    private static final Set<String> TRIGGER_KINDS = Set.of("api", "event", "schedule", "http");

    private DefinitionShape() {
    }

    public static List<ShapeError> check(DefinitionContent raw) {
        List<ShapeError> errors = new ArrayList<>();
        if (raw == null) {
            errors.add(new ShapeError("request", "a definition body is required"));
            return errors;
        }
        DefinitionContent d = raw.normalized();
        if (d.name() == null || d.name().isBlank()) {
            errors.add(new ShapeError("name", "must not be blank"));
        } else if (d.name().length() > MAX_NAME) {
            errors.add(new ShapeError("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (d.description() != null && d.description().length() > MAX_DESCRIPTION) {
            errors.add(new ShapeError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (d.tags().size() > MAX_TAGS) {
            errors.add(new ShapeError("tags", "at most " + MAX_TAGS + " tags"));
        }
        for (int i = 0; i < d.tags().size(); i++) {
            String tag = d.tags().get(i);
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG) {
                errors.add(new ShapeError("tags[" + i + "]", "must be 1 to " + MAX_TAG + " characters"));
            }
        }
        limit(errors, "folderId", d.folderId(), 64);
        limit(errors, "exclusiveGroup", d.exclusiveGroup(), 100);
        limit(errors, "timeout", d.timeout(), 64);
        checkParameters(d, errors);
        if (d.trigger().kind() == null || !TRIGGER_KINDS.contains(d.trigger().kind())) {
            errors.add(new ShapeError("trigger.kind", "must be one of " + TRIGGER_KINDS));
        }
        checkNodes(d, errors);
        if (d.executionConnectors().size() + d.dataConnectors().size() > MAX_CONNECTORS) {
            errors.add(new ShapeError("executionConnectors", "at most " + MAX_CONNECTORS + " connectors"));
        }
        for (int i = 0; i < d.executionConnectors().size(); i++) {
            ExecutionConnector c = d.executionConnectors().get(i);
            String at = "executionConnectors[" + i + "]";
            if (c == null) {
                errors.add(new ShapeError(at, "must not be null"));
                continue;
            }
            required(errors, at + ".from", c.from());
            required(errors, at + ".output", c.output());
            required(errors, at + ".to", c.to());
        }
        for (int i = 0; i < d.dataConnectors().size(); i++) {
            DataConnector c = d.dataConnectors().get(i);
            String at = "dataConnectors[" + i + "]";
            if (c == null) {
                errors.add(new ShapeError(at, "must not be null"));
                continue;
            }
            required(errors, at + ".from", c.from());
            if (c.path() == null) {
                errors.add(new ShapeError(at + ".path", "must be a JSON Pointer (\"\" for the whole output)"));
            }
            required(errors, at + ".to", c.to());
            required(errors, at + ".property", c.property());
        }
        if (d.contents().size() > MAX_CONTENTS) {
            errors.add(new ShapeError("contents", "at most " + MAX_CONTENTS + " entries"));
        }
        for (int i = 0; i < d.contents().size(); i++) {
            JsonNode content = d.contents().get(i);
            if (content == null || !content.isObject() || !content.path("name").isTextual()
                    || !content.path("type").isTextual()) {
                errors.add(new ShapeError("contents[" + i + "]", "must be an object with a name and a type"));
            }
        }
        return errors;
    }

    private static void checkParameters(DefinitionContent d, List<ShapeError> errors) {
        if (d.parameters().size() > MAX_PARAMETERS) {
            errors.add(new ShapeError("parameters", "at most " + MAX_PARAMETERS + " parameters"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.parameters().size(); i++) {
            ParameterSpec p = d.parameters().get(i);
            String at = "parameters[" + i + "]";
            if (p == null) {
                errors.add(new ShapeError(at, "must not be null"));
                continue;
            }
            if (p.name() == null || !PARAMETER_NAME.matcher(p.name()).matches()) {
                errors.add(new ShapeError(at + ".name", "must match " + PARAMETER_NAME.pattern()));
            } else if (!names.add(p.name())) {
                errors.add(new ShapeError(at + ".name", "parameter " + p.name() + " is declared twice"));
            }
            if (p.type() == null || !PARAMETER_TYPES.contains(p.type())) {
                errors.add(new ShapeError(at + ".type", "must be one of " + PARAMETER_TYPES));
            }
            if (p.description() != null && p.description().length() > MAX_DESCRIPTION) {
                errors.add(new ShapeError(at + ".description", "must be at most " + MAX_DESCRIPTION + " characters"));
            }
        }
    }

    private static void checkNodes(DefinitionContent d, List<ShapeError> errors) {
        if (d.nodes().size() > MAX_NODES) {
            errors.add(new ShapeError("nodes", "at most " + MAX_NODES + " nodes"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < d.nodes().size(); i++) {
            Node node = d.nodes().get(i);
            String at = "nodes[" + i + "]";
            if (node == null) {
                errors.add(new ShapeError(at, "must not be null"));
                continue;
            }
            if (node.id() == null || node.id().isBlank()) {
                errors.add(new ShapeError(at + ".id", "is required"));
            } else if (!NODE_ID.matcher(node.id()).matches()) {
                errors.add(new ShapeError(at + ".id", "must match " + NODE_ID.pattern()));
            } else if (!ids.add(node.id())) {
                errors.add(new ShapeError(at + ".id", "duplicate node id " + node.id()));
            }
            if (node.name() != null && node.name().length() > MAX_NAME) {
                errors.add(new ShapeError(at + ".name", "must be at most " + MAX_NAME + " characters"));
            }
            if (node.type() == null || node.type().isBlank()) {
                errors.add(new ShapeError(at + ".type", "is required"));
                continue;
            }
            NodeType type = NodeTypeCatalog.find(node.type()).orElse(null);
            if (type == null) {
                errors.add(new ShapeError(at + ".type", "unknown node type " + node.type() + "; known types: "
                        + NodeTypeCatalog.all().stream().map(NodeType::type).toList()));
                continue;
            }
            for (String property : node.propertiesOrEmpty().keySet()) {
                if (type.property(property).isEmpty()) {
                    errors.add(new ShapeError(at + ".properties." + property, "unknown property of node type "
                            + node.type() + "; it has " + type.properties().stream().map(PropertySpec::name).toList()));
                }
            }
        }
    }

    private static void required(List<ShapeError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new ShapeError(field, "is required"));
        }
    }

    private static void limit(List<ShapeError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new ShapeError(field, "must be at most " + max + " characters"));
        }
    }
}
