package dev.orchestrion.definition.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.orchestrion.definition.model.DataConnector;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.ExecutionConnector;
import dev.orchestrion.definition.model.Node;
import dev.orchestrion.definition.model.ParameterSpec;
import dev.orchestrion.definition.model.StrictBoolean;
import dev.orchestrion.definition.model.Trigger;

/**
 * The body of {@code POST /definitions} and {@code PUT /definitions/{id}}: a definition as docs/node-types.md
 * describes it, plus, on update, the {@code revision} it edits (alternative to {@code If-Match}).
 */
@Schema(description = "A workflow definition (docs/node-types.md)")
public record DefinitionRequest(@Schema(example = "Reference workflow", maxLength = 200) String name,
        String description, List<String> tags, String folderId, String exclusiveGroup,
        @Schema(example = "PT1H") String timeout,
        @Schema(description = EAGER, nullable = true) @JsonDeserialize(using = StrictBoolean.class) Boolean eager,
        List<ParameterSpec> parameters, Trigger trigger, List<Node> nodes, List<ExecutionConnector> executionConnectors,
        List<DataConnector> dataConnectors, List<JsonNode> contents,
        @Schema(description = "On update: the revision being edited") Long revision) {

    static final String EAGER = "Execute the run's first stretch of pure nodes in the request that starts it; "
            + "absent or null: the platform default (on); false: every run goes through the run-command queue";

    public DefinitionContent toContent() {
        return new DefinitionContent(name, description, tags, folderId, exclusiveGroup, timeout, eager, parameters,
                trigger, nodes, executionConnectors, dataConnectors, contents);
    }
}
