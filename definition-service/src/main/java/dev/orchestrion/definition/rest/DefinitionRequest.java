package dev.orchestrion.definition.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.DataConnector;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.ExecutionConnector;
import dev.orchestrion.definition.model.Node;
import dev.orchestrion.definition.model.ParameterSpec;
import dev.orchestrion.definition.model.Trigger;

/**
 * The body of {@code POST /definitions} and {@code PUT /definitions/{id}}: a definition as docs/node-types.md
 * describes it, plus, on update, the {@code revision} it edits (alternative to {@code If-Match}).
 */
@Schema(description = "A workflow definition (docs/node-types.md)")
public record DefinitionRequest(@Schema(example = "Reference workflow", maxLength = 200) String name,
        String description, List<String> tags, String folderId, String exclusiveGroup,
        @Schema(example = "PT1H") String timeout, List<ParameterSpec> parameters, Trigger trigger, List<Node> nodes,
        List<ExecutionConnector> executionConnectors, List<DataConnector> dataConnectors, List<JsonNode> contents,
        @Schema(description = "On update: the revision being edited") Long revision) {

    public DefinitionContent toContent() {
        return new DefinitionContent(name, description, tags, folderId, exclusiveGroup, timeout, parameters, trigger,
                nodes, executionConnectors, dataConnectors, contents);
    }
}
