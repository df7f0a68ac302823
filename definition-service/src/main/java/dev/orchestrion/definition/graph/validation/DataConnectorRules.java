package dev.orchestrion.definition.graph.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.orchestrion.definition.graph.NodeType;
import dev.orchestrion.definition.graph.NodeTypeCatalog;
import dev.orchestrion.definition.graph.PropertySpec;
import dev.orchestrion.definition.model.DataConnector;
import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;

/**
 * The rules of data connectors: each joins nodes that exist, feeds a property the target declares, reads by a JSON
 * Pointer from a node that runs before the target, and carries data of a type the property can take.
 */
final class DataConnectorRules {

    private DataConnectorRules() {
    }

    static void check(DefinitionGraph graph, Incidents incidents) {
        for (DataConnector d : graph.content().dataConnectors()) {
            Node from = graph.node(d.from());
            Node to = graph.node(d.to());
            if (from == null || to == null) {
                incidents.add(IncidentCode.UNKNOWN_CONNECTOR_NODE, from == null ? d.from() : d.to(), d.property(),
                        "A data connector joins " + d.from() + " to " + d.to() + ", and "
                                + (from == null ? d.from() : d.to()) + " does not exist");
                continue;
            }
            NodeType fromType = NodeTypeCatalog.find(from.type()).orElse(null);
            NodeType toType = NodeTypeCatalog.find(to.type()).orElse(null);
            if (fromType == null || toType == null) {
                continue;
            }
            Optional<PropertySpec> target = toType.property(d.property());
            if (target.isEmpty()) {
                incidents.invalidProperty(to.id(), d.property(), "is not a property of node type " + to.type()
                        + " (a data connector from " + from.id() + " feeds it)");
                continue;
            }
            List<String> segments = ValueFormats.pointerSegments(d.path());
            if (segments == null) {
                incidents.invalidProperty(to.id(), d.property(), "is fed from path " + d.path() + " of " + from.id()
                        + ", which is not a JSON Pointer such as /body/items");
                continue;
            }
            if (from.id().equals(to.id()) || !graph.reachableFrom(List.of(from.id())).contains(to.id())) {
                incidents.add(IncidentCode.DATA_TYPE_MISMATCH, to.id(), d.property(), "Property " + d.property()
                        + " of " + to.id() + " reads from node " + from.id() + ", which does not run before it");
                continue;
            }
            String sourceType = sourceType(fromType, segments);
            if (sourceType == null) {
                incidents.add(IncidentCode.DATA_TYPE_MISMATCH, to.id(), d.property(),
                        "Node " + from.id() + " (" + from.type() + ") has no output data at " + d.path() + "; it has "
                                + fromType.outputData().keySet());
            } else if (!accepts(target.get(), sourceType)) {
                incidents.add(IncidentCode.DATA_TYPE_MISMATCH, to.id(), d.property(),
                        "Property " + d.property() + " of " + to.id() + " (" + target.get().format()
                                + ") cannot take the " + sourceType + " at " + from.id() + d.path());
            }
        }
    }

    /** The JSON type at the path in a node type's output data, "any" when unknown, null when it cannot exist. */
    static String sourceType(NodeType type, List<String> segments) {
        if (segments.isEmpty()) {
            return "object";
        }
        String field = segments.get(0);
        String fieldType = type.outputData().get(field);
        if (fieldType == null) {
            return type.outputData().containsKey(NodeTypeCatalog.ANY_FIELD) ? "any" : null;
        }
        if (segments.size() == 1) {
            return fieldType;
        }
        return Set.of("object", "array", "any").contains(fieldType) ? "any" : null;
    }

    /** Whether a property of this format can take a value of this JSON type. */
    static boolean accepts(PropertySpec property, String valueType) {
        if ("any".equals(valueType)) {
            return true;
        }
        if ("items".equals(property.name()) && "expression".equals(property.format())) {
            return "array".equals(valueType); // forEach iterates over a list
        }
        return switch (property.format()) {
            case "expression" -> true;
            case "template", "string" -> !Set.of("object", "array").contains(valueType);
            case "integer" -> "integer".equals(valueType);
            case "boolean" -> "boolean".equals(valueType);
            case "list" -> "array".equals(valueType);
            case "map" -> "object".equals(valueType);
            default -> "string".equals(valueType);
        };
    }
}
