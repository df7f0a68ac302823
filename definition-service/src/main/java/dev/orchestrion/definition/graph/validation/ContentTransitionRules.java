package dev.orchestrion.definition.graph.validation;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.Node;

/** A contentTransition names its event as content-workflow-service does: {@code state.event}. */
final class ContentTransitionRules implements NodeTypeRules {

    private static final Pattern CONTENT_EVENT = Pattern.compile("[A-Za-z][\\w-]*\\.[A-Za-z][\\w-]*");

    @Override
    public void checkProperty(Node node, String property, JsonNode value, References references, Incidents incidents) {
        if ("event".equals(property) && !CONTENT_EVENT.matcher(value.asText()).matches()) {
            incidents.invalidProperty(node.id(), property, "must be state.event, e.g. draft.submit");
        }
    }
}
