package dev.orchestrion.definition.graph.validation;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.graph.NodeType;
import dev.orchestrion.definition.graph.NodeTypeCatalog;
import dev.orchestrion.definition.graph.PropertySpec;
import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;
import dev.orchestrion.definition.model.Retry;

/**
 * Each node's properties against its type's declaration, node by node: a required property is set (or fed by a data
 * connector), each value has its format and meets its node type's rules, the node's properties fit together, and its
 * retry and timeout settings are sound.
 */
final class PropertyRules {

    /** The node types with rules of their own; the others are described by the catalog alone. */
    private static final Map<String, NodeTypeRules> BY_TYPE = Map.of("delay", new DelayRules(), "split",
            new SplitRules(), "choose", new ChooseRules(), "forEach", new ForEachRules(), "subWorkflow",
            new SubWorkflowRules(), "contentTransition", new ContentTransitionRules());
    private static final Set<String> RETRY_ON = Set.of("any", "timeout", "network", "5xx", "4xx");

    private final PropertyFormats formats;
    private final References references;
    private final Incidents incidents;

    PropertyRules(PropertyFormats formats, References references, Incidents incidents) {
        this.formats = formats;
        this.references = references;
        this.incidents = incidents;
    }

    static NodeTypeRules rulesOf(String type) {
        return BY_TYPE.getOrDefault(type, NodeTypeRules.NONE);
    }

    void check(DefinitionGraph graph) {
        for (Node node : graph.nodes()) {
            NodeType type = NodeTypeCatalog.find(node.type()).orElse(null);
            if (type == null) {
                continue; // rejected as malformed before validation
            }
            NodeTypeRules rules = rulesOf(node.type());
            Map<String, JsonNode> properties = node.propertiesOrEmpty();
            for (PropertySpec spec : type.properties()) {
                if (graph.isFed(node, spec.name())) {
                    continue; // a data connector supplies the value at run time
                }
                JsonNode value = properties.get(spec.name());
                if (ValueFormats.isAbsent(value)) {
                    if (spec.required()) {
                        incidents.add(IncidentCode.MISSING_PROPERTY, node.id(), spec.name(),
                                "Node " + node.id() + " (" + node.type() + ") needs property " + spec.name());
                    }
                    continue;
                }
                if (formats.check(node, spec.name(), spec.format(), spec, value)) {
                    rules.checkProperty(node, spec.name(), value, references, incidents);
                }
            }
            rules.checkNode(node, properties, graph, incidents);
            checkRetryAndTimeout(node);
        }
    }

    private void checkRetryAndTimeout(Node node) {
        Retry retry = node.retry();
        if (retry != null) {
            if (retry.maxAttempts() != null && retry.maxAttempts() < 1) {
                incidents.invalidProperty(node.id(), "retry.maxAttempts", "must be at least 1");
            }
            if (retry.initialInterval() != null && !ValueFormats.isPositiveDuration(retry.initialInterval())) {
                incidents.invalidProperty(node.id(), "retry.initialInterval", "must be a positive ISO-8601 duration");
            }
            if (retry.maxInterval() != null && !ValueFormats.isPositiveDuration(retry.maxInterval())) {
                incidents.invalidProperty(node.id(), "retry.maxInterval", "must be a positive ISO-8601 duration");
            }
            if (retry.multiplier() != null && retry.multiplier() < 1.0) {
                incidents.invalidProperty(node.id(), "retry.multiplier", "must be at least 1.0");
            }
            if (retry.jitter() != null && (retry.jitter() < 0.0 || retry.jitter() > 1.0)) {
                incidents.invalidProperty(node.id(), "retry.jitter", "must be between 0.0 and 1.0");
            }
            if (retry.retryOn() != null) {
                for (String kind : retry.retryOn()) {
                    if (!RETRY_ON.contains(kind)) {
                        incidents.invalidProperty(node.id(), "retry.retryOn",
                                "unknown kind " + kind + "; one of " + RETRY_ON);
                    }
                }
            }
        }
        if (node.timeout() != null && !ValueFormats.isPositiveDuration(node.timeout())) {
            incidents.invalidProperty(node.id(), "timeout", "must be a positive ISO-8601 duration");
        }
    }
}
