package dev.orchestrion.definition.graph.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.graph.NodeType;
import dev.orchestrion.definition.graph.NodeTypeCatalog;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.ExecutionConnector;
import dev.orchestrion.definition.model.Node;

/**
 * A definition's graph as the checks walk it: its nodes by id (the first of a duplicated id), where each node's
 * execution connectors lead (only between nodes that exist), and which node properties data connectors feed.
 */
final class DefinitionGraph {

    private final DefinitionContent content;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<String>> successors = new HashMap<>();
    private final Set<String> fedProperties = new HashSet<>();

    /** @param content a normalized definition (lists are never null) */
    DefinitionGraph(DefinitionContent content) {
        this.content = content;
        content.nodes().forEach(n -> nodes.putIfAbsent(n.id(), n));
        for (ExecutionConnector c : content.executionConnectors()) {
            if (nodes.containsKey(c.from()) && nodes.containsKey(c.to())) {
                successors.computeIfAbsent(c.from(), k -> new ArrayList<>()).add(c.to());
            }
        }
        content.dataConnectors().forEach(d -> fedProperties.add(key(d.to(), d.property())));
    }

    DefinitionContent content() {
        return content;
    }

    /** The nodes in the order the definition lists them. */
    Collection<Node> nodes() {
        return nodes.values();
    }

    /** The node of this id, or null. */
    Node node(String id) {
        return nodes.get(id);
    }

    Set<String> nodeIds() {
        return nodes.keySet();
    }

    /** Where the node's execution connectors lead, in the order they are listed. */
    List<String> successors(String nodeId) {
        return successors.getOrDefault(nodeId, List.of());
    }

    List<Node> startNodes() {
        return nodes.values().stream().filter(n -> "start".equals(n.type())).toList();
    }

    /** Whether a data connector supplies this property at run time (so it need not be set). */
    boolean isFed(Node node, String property) {
        return fedProperties.contains(key(node.id(), property));
    }

    /** Every node an execution path from one of {@code origins} reaches, the origins included. */
    Set<String> reachableFrom(List<String> origins) {
        Set<String> reached = new HashSet<>(origins);
        Deque<String> queue = new ArrayDeque<>(origins);
        while (!queue.isEmpty()) {
            for (String next : successors(queue.poll())) {
                if (reached.add(next)) {
                    queue.add(next);
                }
            }
        }
        return reached;
    }

    /** The node's execution outputs: its type's, and for choose and split one per case or branch it names. */
    static Set<String> outputsOf(Node node) {
        Set<String> outputs = new LinkedHashSet<>();
        NodeType type = NodeTypeCatalog.find(node.type()).orElse(null);
        if (type == null) {
            return outputs;
        }
        type.outputs().forEach(o -> outputs.add(o.name()));
        if (type.dynamicOutputs() != null) {
            JsonNode list = node.propertiesOrEmpty().get(type.dynamicOutputs());
            if (list != null && list.isArray()) {
                list.forEach(item -> {
                    if (item.path("name").isTextual()) {
                        outputs.add(item.path("name").asText());
                    }
                });
            }
        }
        return outputs;
    }

    private static String key(String nodeId, String property) {
        return nodeId + "\u0000" + property;
    }
}
