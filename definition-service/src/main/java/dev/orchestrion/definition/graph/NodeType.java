package dev.orchestrion.definition.graph;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A node type of the catalog: its properties, its fixed execution outputs and, for {@code choose} and {@code split},
 * the list property whose elements' names are outputs too ({@code dynamicOutputs}).
 *
 * @param outputData what the node contributes to {@code nodes.<id>}, field name to JSON type ({@code any} when
 *        it depends on the node's own properties)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeType(String type, String description, List<PropertySpec> properties, List<OutputSpec> outputs,
        String dynamicOutputs, java.util.Map<String, String> outputData) {

    public Optional<PropertySpec> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @JsonIgnore
    public boolean hasOutputs() {
        return !outputs.isEmpty() || dynamicOutputs != null;
    }
}
