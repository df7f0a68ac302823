package dev.orchestrion.runner.engine.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.runner.engine.expression.References;

/**
 * Which values of a version's runs derive from its redacted parameters, decided from the definition alone
 * (docs/node-types.md, "Redacted parameters"). A value derives from a redacted parameter when the expression that
 * computes it reads the parameter, or reads a variable, a set node's output field or a forEach item or result that
 * derives from one; the analysis is flow-insensitive, so a variable that is derived anywhere counts as derived
 * everywhere. Values an endpoint, a signal or a child run answered are not derived: only the secret itself, word
 * for word, is masked in them (by value, at run time).
 *
 * <p>
 * The plan names, per node, the paths of its step inputs and outputs to mask: {@code [property]} or
 * {@code [property, key]} of inputs, and {@code [field]} of outputs (a set node's assignments, an end node's
 * result fields, a forEach's {@code results}). The end node's masked output fields are masked in the run's result.
 */
public final class RedactionPlan {

    static final RedactionPlan NONE = new RedactionPlan(Map.of(), Map.of());

    private final Map<String, Set<List<String>>> maskedInputs;
    private final Map<String, Set<List<String>>> maskedOutputs;

    private RedactionPlan(Map<String, Set<List<String>>> maskedInputs, Map<String, Set<List<String>>> maskedOutputs) {
        this.maskedInputs = maskedInputs;
        this.maskedOutputs = maskedOutputs;
    }

    /** The paths of the node's step inputs whose values derive from a redacted parameter. */
    public Set<List<String>> maskedInputs(String nodeId) {
        return maskedInputs.getOrDefault(nodeId, Set.of());
    }

    /** The fields of the node's output (for an end node: of the run's result) that derive from a redacted one. */
    public Set<List<String>> maskedOutputs(String nodeId) {
        return maskedOutputs.getOrDefault(nodeId, Set.of());
    }

    static RedactionPlan of(WorkflowVersion version, Set<String> redactedParameters) {
        if (redactedParameters.isEmpty()) {
            return NONE;
        }
        List<NodeReads> reads = new ArrayList<>();
        for (WorkflowVersion.Node node : version.nodes()) {
            reads.add(NodeReads.of(node, version.dataConnectors()));
        }
        Set<List<String>> derived = new HashSet<>();
        redactedParameters.forEach(name -> derived.add(List.of("params", name)));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (NodeReads node : reads) {
                for (Map.Entry<List<String>, List<List<String>>> stored : node.stores().entrySet()) {
                    References.Reads read = node.inputs().get(stored.getKey());
                    if (read != null && overlaps(read.all(), derived)) {
                        grew |= derived.addAll(stored.getValue());
                    }
                }
            }
        }
        // A plain read of a redacted parameter is the secret itself, which masking by value already finds, so a
        // rendered URL keeps showing everything but the secret. Anything computed from it is masked whole.
        Set<List<String>> derivedBeyondSecrets = new HashSet<>(derived);
        redactedParameters.forEach(name -> derivedBeyondSecrets.remove(List.of("params", name)));
        Map<String, Set<List<String>>> inputs = new HashMap<>();
        Map<String, Set<List<String>>> outputs = new HashMap<>();
        for (NodeReads node : reads) {
            Set<List<String>> maskedIn = new LinkedHashSet<>();
            Set<List<String>> maskedOut = new LinkedHashSet<>();
            node.inputs().forEach((path, read) -> {
                if (overlaps(read.computed(), derived) || overlaps(read.plain(), derivedBeyondSecrets)) {
                    maskedIn.add(path);
                    List<String> output = node.outputs().get(path);
                    if (output != null) {
                        maskedOut.add(output);
                    }
                }
            });
            if (!maskedIn.isEmpty()) {
                inputs.put(node.id(), Set.copyOf(maskedIn));
            }
            if (!maskedOut.isEmpty()) {
                outputs.put(node.id(), Set.copyOf(maskedOut));
            }
        }
        return new RedactionPlan(Map.copyOf(inputs), Map.copyOf(outputs));
    }

    /** Whether any of the paths read overlaps a derived path (one is a prefix of the other). */
    private static boolean overlaps(Set<List<String>> read, Set<List<String>> derived) {
        for (List<String> path : read) {
            for (List<String> secret : derived) {
                if (prefixes(path, secret) || prefixes(secret, path)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean prefixes(List<String> prefix, List<String> path) {
        return prefix.size() <= path.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    /**
     * What one node reads, by input path; which of those inputs it stores in the run's state (the context path
     * they become); and which become a field of its output.
     */
    private record NodeReads(String id, Map<List<String>, References.Reads> inputs,
            Map<List<String>, List<List<String>>> stores, Map<List<String>, List<String>> outputs) {

        static NodeReads of(WorkflowVersion.Node node, List<WorkflowVersion.DataConnector> connectors) {
            Map<List<String>, References.Reads> inputs = new HashMap<>();
            Map<List<String>, List<List<String>>> stores = new HashMap<>();
            Map<List<String>, List<String>> outputs = new HashMap<>();
            JsonNode properties = node.properties();
            if (properties != null && properties.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String property = field.getKey();
                    JsonNode value = field.getValue();
                    if ("set".equals(node.type()) && "assignments".equals(property) && value.isArray()) {
                        for (JsonNode assignment : value) {
                            String name = assignment.path("name").asText();
                            List<String> input = List.of(property, name);
                            inputs.put(input, References.of(assignment.path("value").asText(null)));
                            // the value becomes vars.<name>, and nodes.<id>.<name> through the node's output
                            stores.put(input, List.of(List.of("vars", name), List.of("nodes", node.id(), name)));
                            outputs.put(input, List.of(name));
                        }
                    } else if (value.isObject()) {
                        value.fields().forEachRemaining(entry -> {
                            List<String> input = List.of(property, entry.getKey());
                            inputs.put(input, readsOf(entry.getValue()));
                            if ("end".equals(node.type()) && "result".equals(property)) {
                                outputs.put(input, List.of(entry.getKey()));
                            }
                        });
                    } else {
                        inputs.put(List.of(property), readsOf(value));
                    }
                }
            }
            for (WorkflowVersion.DataConnector connector : connectors) {
                if (connector.to().equals(node.id())) {
                    List<String> read = new ArrayList<>(List.of("nodes", connector.from()));
                    for (String segment : String.valueOf(connector.path()).split("/")) {
                        if (!segment.isEmpty()) {
                            read.add(segment.replace("~1", "/").replace("~0", "~"));
                        }
                    }
                    // the fed value is the value at that path, unchanged: a plain read
                    inputs.merge(List.of(connector.property()),
                            new References.Reads(Set.of(List.copyOf(read)), Set.of()), References.Reads::with);
                }
            }
            if ("forEach".equals(node.type())) {
                stores.put(List.of("items"), List.of(List.of("item")));
                stores.put(List.of("collect"), List.of(List.of("nodes", node.id(), "results")));
                outputs.put(List.of("collect"), List.of("results"));
            }
            return new NodeReads(node.id(), inputs, stores, outputs);
        }

        /** What any text inside {@code value} reads (a list of conditions, a nested map, ...). */
        private static References.Reads readsOf(JsonNode value) {
            if (value.isTextual()) {
                return References.of(value.asText());
            }
            References.Reads read = References.NOTHING;
            if (value.isContainerNode()) {
                for (JsonNode child : value) {
                    read = read.with(readsOf(child));
                }
            }
            return read;
        }
    }
}
