package dev.orchestrion.definition.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** One node of the graph; its properties follow its type's declaration in the node-type catalog. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(String id, String type, String name, Position position, Map<String, JsonNode> properties,
        Retry retry, String timeout) {

    public Map<String, JsonNode> propertiesOrEmpty() {
        return properties == null ? Map.of() : properties;
    }
}
