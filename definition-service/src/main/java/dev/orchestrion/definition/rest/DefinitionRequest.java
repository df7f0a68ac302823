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
        @Schema(description = NODE_EVENTS, nullable = true) @JsonDeserialize(using = StrictBoolean.class) Boolean nodeEvents,
        List<ParameterSpec> parameters, Trigger trigger, List<Node> nodes, List<ExecutionConnector> executionConnectors,
        List<DataConnector> dataConnectors, List<JsonNode> contents,
        @Schema(description = "On update: the revision being edited") Long revision) {

    static final String EAGER = "Execute the run's first stretch of pure nodes in the request that starts it; "
            + "absent or null: the platform default (on); false: every run goes through the run-command queue";

    static final String NODE_EVENTS = "true: publish one event on workflow.run-events per node transition "
            + "(dev.orchestrion.run.node-started, node-completed, node-failed); absent or null: the platform default "
            + "(off: the lean stream, where the node transitions of one engine stretch travel together in one "
            + "dev.orchestrion.run.progressed record, from which webhooks and statistics derive the same per-node "
            + "events); the platform switch is ORCHESTRION_RUNNER_EVENTS_PER_NODE=true";

    public DefinitionContent toContent() {
        return new DefinitionContent(name, description, tags, folderId, exclusiveGroup, timeout, eager, nodeEvents,
                parameters, trigger, nodes, executionConnectors, dataConnectors, contents);
    }
}
