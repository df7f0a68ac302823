package dev.orchestrion.runner.engine.graph;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A published version compiled for execution: nodes by id, where each execution output leads, which data
 * connectors feed each node, and each node's retry policy. Immutable and shared by every run of the version.
 */
public final class WorkflowGraph {

    private final WorkflowVersion version;
    private final Map<String, WorkflowVersion.Node> nodes;
    private final Map<String, Map<String, String>> outputs;
    private final Map<String, List<WorkflowVersion.DataConnector>> dataConnectorsByTarget;
    private final Map<String, RetryPolicy> retryPolicies;
    private final Set<String> redactedParameters;
    private final RedactionPlan redactionPlan;
    private final String startNodeId;
    private final Duration timeout;
    private final boolean readsCase;

    private WorkflowGraph(WorkflowVersion version) {
        this.version = version;
        this.nodes = version.nodes().stream().collect(Collectors.toUnmodifiableMap(WorkflowVersion.Node::id, n -> n));
        Map<String, Map<String, String>> outs = new HashMap<>();
        for (WorkflowVersion.ExecutionConnector c : version.executionConnectors()) {
            outs.computeIfAbsent(c.from(), k -> new HashMap<>()).put(c.output(), c.to());
        }
        this.outputs = outs;
        this.dataConnectorsByTarget = version.dataConnectors().stream()
                .collect(Collectors.groupingBy(WorkflowVersion.DataConnector::to));
        this.retryPolicies = version.nodes().stream().collect(
                Collectors.toUnmodifiableMap(WorkflowVersion.Node::id, n -> RetryPolicy.of(n.retry(), n.type())));
        this.redactedParameters = version.parameters().stream().filter(WorkflowVersion.Parameter::redacted)
                .map(WorkflowVersion.Parameter::name).collect(Collectors.toUnmodifiableSet());
        this.redactionPlan = RedactionPlan.of(version, redactedParameters);
        this.startNodeId = version.nodes().stream().filter(n -> "start".equals(n.type())).map(WorkflowVersion.Node::id)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("The version has no start node"));
        this.timeout = version.timeout() == null || version.timeout().isBlank()
                ? null
                : Duration.parse(version.timeout());
        this.readsCase = version.nodes().stream()
                .anyMatch(n -> n.properties() != null && CASE_REFERENCE.matcher(n.properties().toString()).find());
    }

    private static final Pattern CASE_REFERENCE = Pattern.compile("\\bcase\\s*[.\\[]");

    public static WorkflowGraph compile(WorkflowVersion version) {
        return new WorkflowGraph(version);
    }

    public WorkflowVersion version() {
        return version;
    }

    public String startNodeId() {
        return startNodeId;
    }

    public WorkflowVersion.Node node(String id) {
        WorkflowVersion.Node node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException(
                    "No node " + id + " in " + version.definitionId() + " v" + version.version());
        }
        return node;
    }

    /** Where output {@code output} of node {@code nodeId} leads, if it is connected. */
    public Optional<String> next(String nodeId, String output) {
        return Optional.ofNullable(outputs.getOrDefault(nodeId, Map.of()).get(output));
    }

    public List<WorkflowVersion.DataConnector> dataConnectorsInto(String nodeId) {
        return dataConnectorsByTarget.getOrDefault(nodeId, List.of());
    }

    public RetryPolicy retryPolicy(String nodeId) {
        return retryPolicies.get(nodeId);
    }

    public Set<String> redactedParameters() {
        return redactedParameters;
    }

    /** Which step inputs, outputs and result fields derive from redacted parameters (empty without any). */
    public RedactionPlan redactionPlan() {
        return redactionPlan;
    }

    /** Whether any expression reads the case, so a run needs the case's data (not only its existence). */
    public boolean readsCase() {
        return readsCase;
    }

    /** The longest the whole run may take, or null for no limit. */
    public Duration timeout() {
        return timeout;
    }
}
