package dev.orchestrion.definition.graph;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A named execution output of a node type.
 *
 * @param required whether a connector must leave it
 * @param requiredWhenProperty a property whose presence makes the output required (e.g. waitForEvent's timeout)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutputSpec(String name, boolean required, String requiredWhenProperty, String description) {

    static OutputSpec of(String name, String description) {
        return new OutputSpec(name, false, null, description);
    }

    static OutputSpec required(String name, String description) {
        return new OutputSpec(name, true, null, description);
    }
}
