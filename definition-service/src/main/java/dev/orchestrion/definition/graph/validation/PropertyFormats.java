package dev.orchestrion.definition.graph.validation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.graph.ExpressionCompiler;
import dev.orchestrion.definition.graph.PropertySpec;
import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;

/**
 * Checks a property's value against the format its node type declares (docs/node-types.md, "Node types"):
 * expressions and templates compile, durations, instants, times, weekdays and zones parse, a connection exists and is
 * of the kind the node needs, lists and maps hold items of their format.
 */
final class PropertyFormats {

    private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");

    private final ExpressionCompiler expressions;
    private final References references;
    private final Incidents incidents;

    PropertyFormats(ExpressionCompiler expressions, References references, Incidents incidents) {
        this.expressions = expressions;
        this.references = references;
        this.incidents = incidents;
    }

    /**
     * Checks {@code value} as {@code format}; answers whether it is well-formed (no incident found), so that the node
     * type's own rules may look further.
     *
     * @param spec the property's declaration (its values, its items' format); null for a nested value
     */
    boolean check(Node node, String property, String format, PropertySpec spec, JsonNode value) {
        int before = incidents.count();
        checkValue(node, property, format, spec, value);
        return incidents.count() == before;
    }

    private void checkValue(Node node, String property, String format, PropertySpec spec, JsonNode value) {
        String id = node.id();
        switch (format) {
            case "expression" -> {
                if (!value.isTextual()) {
                    incidents.invalidProperty(id, property, "must be an expression (a string)");
                } else {
                    expressions.checkExpression(value.asText())
                            .ifPresent(problem -> incidents.add(IncidentCode.INVALID_EXPRESSION, id, property,
                                    "Expression does not compile: " + problem));
                }
            }
            case "template" -> {
                if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                    incidents.invalidProperty(id, property, "must be a template (a string)");
                } else {
                    expressions.checkTemplate(value.asText())
                            .ifPresent(problem -> incidents.add(IncidentCode.INVALID_EXPRESSION, id, property,
                                    "Template does not compile: " + problem));
                }
            }
            case "duration" -> {
                if (!value.isTextual() || !ValueFormats.isPositiveDuration(value.asText())) {
                    incidents.invalidProperty(id, property,
                            "must be a positive ISO-8601 duration such as PT30S or P1D");
                }
            }
            case "instant" -> {
                if (!value.isTextual()) {
                    incidents.invalidProperty(id, property, "must be an ISO-8601 date-time or an expression");
                } else if (!ValueFormats.parsesAsInstant(value.asText())) {
                    expressions.checkExpression(value.asText())
                            .ifPresent(problem -> incidents.add(IncidentCode.INVALID_EXPRESSION, id, property,
                                    "Neither an ISO-8601 date-time with offset nor a valid expression: " + problem));
                }
            }
            case "time" -> {
                if (!value.isTextual() || !ValueFormats.TIME.matcher(value.asText()).matches()) {
                    incidents.invalidProperty(id, property, "must be a time of day as HH:mm");
                }
            }
            case "weekday" -> {
                if (!value.isTextual() || !ValueFormats.isWeekday(value.asText())) {
                    incidents.invalidProperty(id, property, "must be a weekday, MONDAY to SUNDAY");
                }
            }
            case "timeZone" -> {
                if (!value.isTextual() || !ValueFormats.isZone(value.asText())) {
                    incidents.invalidProperty(id, property, "must be an IANA time zone such as Europe/Stockholm");
                }
            }
            case "connection" -> checkConnection(id, property, spec, value);
            case "string" -> {
                if (!value.isTextual()) {
                    incidents.invalidProperty(id, property, "must be a string");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    incidents.invalidProperty(id, property, "must be an integer");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    incidents.invalidProperty(id, property, "must be true or false");
                }
            }
            case "enum" -> {
                if (!value.isTextual() || !spec.values().contains(value.asText())) {
                    incidents.invalidProperty(id, property, "must be one of " + spec.values());
                }
            }
            case "list" -> checkList(node, property, spec, value);
            case "map" -> {
                if (!value.isObject()) {
                    incidents.invalidProperty(id, property, "must be an object of name to " + spec.items());
                } else {
                    value.fields().forEachRemaining(entry -> checkValue(node, property + "." + entry.getKey(),
                            spec.items(), spec, entry.getValue()));
                }
            }
            default -> throw new IllegalStateException("Unknown property format " + format);
        }
    }

    /** The connection exists in the tenant and is of the kind the property asks for (its first value), if any. */
    private void checkConnection(String id, String property, PropertySpec spec, JsonNode value) {
        if (!value.isTextual()) {
            incidents.invalidProperty(id, property, "must name a connection");
            return;
        }
        String wanted = spec.values() == null ? null : spec.values().get(0);
        Optional<String> kind = references.connectionKinds().apply(value.asText());
        if (kind.isEmpty()) {
            incidents.add(IncidentCode.UNKNOWN_CONNECTION, id, property,
                    "No connection named " + value.asText() + " exists");
        } else if (wanted != null && !wanted.equals(kind.get())) {
            incidents.add(IncidentCode.UNKNOWN_CONNECTION, id, property, "Connection " + value.asText() + " is of kind "
                    + kind.get() + "; this node needs one of kind " + wanted);
        }
    }

    private void checkList(Node node, String property, PropertySpec spec, JsonNode value) {
        String id = node.id();
        if (!value.isArray()) {
            incidents.invalidProperty(id, property, "must be a list");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = property + "[" + i + "]";
            switch (spec.items()) {
                case "assignment", "case", "branch" -> {
                    String name = item.path("name").asText("");
                    if (!item.isObject() || name.isBlank()) {
                        incidents.invalidProperty(id, at, "needs a name");
                        continue;
                    }
                    if (!names.add(name)) {
                        incidents.invalidProperty(id, at, "name " + name + " is used twice");
                    }
                    if ("assignment".equals(spec.items())) {
                        checkNested(node, at + ".value", "expression", item.get("value"));
                    } else if ("case".equals(spec.items())) {
                        checkNested(node, at + ".condition", "expression", item.get("condition"));
                    } else {
                        JsonNode weight = item.get("weight");
                        if (weight != null && (!weight.isIntegralNumber() || weight.asLong() < 0)) {
                            incidents.invalidProperty(id, at + ".weight", "must be an integer >= 0");
                        }
                    }
                }
                case "statusCode" -> {
                    boolean code = item.isIntegralNumber() && item.asInt() >= 100 && item.asInt() <= 599;
                    boolean statusClass = item.isTextual()
                            && (STATUS_CLASS.matcher(item.asText()).matches() || item.asText().matches("[1-5]\\d\\d"));
                    if (!code && !statusClass) {
                        incidents.invalidProperty(id, at, "must be a status code (100-599) or a class such as 2xx");
                    }
                }
                default -> throw new IllegalStateException("Unknown list item format " + spec.items());
            }
        }
        if ("case".equals(spec.items()) && value.isEmpty()) {
            incidents.invalidProperty(id, property, "needs at least one case");
        }
    }

    private void checkNested(Node node, String property, String format, JsonNode value) {
        if (ValueFormats.isAbsent(value)) {
            incidents.add(IncidentCode.MISSING_PROPERTY, node.id(), property,
                    "Node " + node.id() + " needs " + property);
        } else {
            checkValue(node, property, format, null, value);
        }
    }
}
