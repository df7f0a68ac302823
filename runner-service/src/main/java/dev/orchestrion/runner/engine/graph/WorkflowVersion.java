package dev.orchestrion.runner.engine.graph;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A published, immutable version of a workflow definition as definition-service serves it
 * ({@code GET /definitions/{id}/versions/{n}}, see docs/node-types.md). Unknown fields are ignored so that the
 * runner keeps working when definition-service adds some. {@code eager} and {@code nodeEvents}: null leaves them to
 * the platform.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowVersion(String definitionId, int version, String name, String timeout, String exclusiveGroup,
        List<Parameter> parameters, JsonNode trigger, List<Node> nodes, List<ExecutionConnector> executionConnectors,
        List<DataConnector> dataConnectors, Map<String, String> connections, Boolean eager, Boolean nodeEvents) {

    /** A version that leaves eager execution and node events to the platform. */
    public WorkflowVersion(String definitionId, int version, String name, String timeout, String exclusiveGroup,
            List<Parameter> parameters, JsonNode trigger, List<Node> nodes,
            List<ExecutionConnector> executionConnectors, List<DataConnector> dataConnectors,
            Map<String, String> connections) {
        this(definitionId, version, name, timeout, exclusiveGroup, parameters, trigger, nodes, executionConnectors,
                dataConnectors, connections, null, null);
    }

    /** Whether this version lets the platform start its runs eagerly ({@code eager: false} opts out). */
    public boolean allowsEagerStart() {
        return !Boolean.FALSE.equals(eager);
    }

    /** Whether this version asks for one event per node transition ({@code nodeEvents: true}). */
    public boolean publishesNodeEvents() {
        return Boolean.TRUE.equals(nodeEvents);
    }

    public WorkflowVersion {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        executionConnectors = executionConnectors == null ? List.of() : List.copyOf(executionConnectors);
        dataConnectors = dataConnectors == null ? List.of() : List.copyOf(dataConnectors);
        connections = connections == null ? Map.of() : Map.copyOf(connections);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parameter(String name, String type, boolean required, @JsonProperty("default") JsonNode defaultValue,
            boolean redacted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Node(String id, String type, String name, JsonNode properties, Retry retry, String timeout) {
    }

    /** A node's retry policy; absent fields take the defaults of docs/node-types.md. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Retry(Integer maxAttempts, String initialInterval, Double multiplier, String maxInterval,
            Double jitter, List<String> retryOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExecutionConnector(String from, String output, String to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataConnector(String from, String path, String to, String property) {
    }
}
