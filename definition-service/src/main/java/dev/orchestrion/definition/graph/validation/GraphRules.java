package dev.orchestrion.definition.graph.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.orchestrion.definition.graph.NodeType;
import dev.orchestrion.definition.graph.NodeTypeCatalog;
import dev.orchestrion.definition.graph.OutputSpec;
import dev.orchestrion.definition.model.ExecutionConnector;
import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;

/**
 * The rules of the execution graph: one start node, connectors between nodes that exist and leave by outputs the
 * node has (one connector per output, every required output connected), every node reachable from start, and no
 * cycle except through a forEach.
 */
final class GraphRules {

    private GraphRules() {
    }

    static void checkStartNodes(DefinitionGraph graph, Incidents incidents) {
        List<Node> starts = graph.startNodes();
        if (starts.isEmpty()) {
            incidents.add(IncidentCode.NO_START_NODE, null, null, "The graph has no start node");
        } else if (starts.size() > 1) {
            for (Node extra : starts.subList(1, starts.size())) {
                incidents.add(IncidentCode.MULTIPLE_START_NODES, extra.id(), null, "The graph has " + starts.size()
                        + " start nodes; only one is allowed (the first is " + starts.get(0).id() + ")");
            }
        }
    }

    static void checkExecutionConnectors(DefinitionGraph graph, Incidents incidents) {
        Set<String> used = new HashSet<>();
        for (ExecutionConnector c : graph.content().executionConnectors()) {
            Node from = graph.node(c.from());
            if (from == null) {
                incidents.add(IncidentCode.UNKNOWN_CONNECTOR_NODE, c.from(), null,
                        "A connector leaves node " + c.from() + ", which does not exist");
            }
            if (graph.node(c.to()) == null) {
                incidents.add(IncidentCode.UNKNOWN_CONNECTOR_NODE, c.from(), null, "A connector from " + c.from() + "."
                        + c.output() + " leads to node " + c.to() + ", which does not exist");
            }
            if (from == null) {
                continue;
            }
            if (!DefinitionGraph.outputsOf(from).contains(c.output())) {
                incidents.add(IncidentCode.UNKNOWN_OUTPUT, from.id(), null, "Node " + from.id() + " (" + from.type()
                        + ") has no output " + c.output() + "; its outputs are " + DefinitionGraph.outputsOf(from));
            }
            if (!used.add(c.from() + "\u0000" + c.output())) {
                incidents.add(IncidentCode.DUPLICATE_OUTPUT_CONNECTOR, from.id(), null,
                        "Output " + c.output() + " of node " + from.id() + " has more than one connector");
            }
        }
        for (Node node : graph.nodes()) {
            NodeType type = NodeTypeCatalog.find(node.type()).orElse(null);
            if (type == null) {
                continue;
            }
            for (OutputSpec output : type.outputs()) {
                boolean required = output.required() || (output.requiredWhenProperty() != null
                        && !ValueFormats.isAbsent(node.propertiesOrEmpty().get(output.requiredWhenProperty())));
                if (required && !used.contains(node.id() + "\u0000" + output.name())) {
                    incidents.add(IncidentCode.UNCONNECTED_OUTPUT, node.id(), null,
                            "Output " + output.name() + " of node " + node.id() + " must lead somewhere");
                }
            }
        }
    }

    static void checkReachability(DefinitionGraph graph, Incidents incidents) {
        List<Node> starts = graph.startNodes();
        if (starts.isEmpty()) {
            return; // NO_START_NODE says it all
        }
        Set<String> reached = graph.reachableFrom(starts.stream().map(Node::id).toList());
        for (Node node : graph.nodes()) {
            if (!reached.contains(node.id())) {
                incidents.add(IncidentCode.UNREACHABLE_NODE, node.id(), null,
                        "No execution path from start reaches node " + node.id());
            }
        }
    }

    /** Tarjan's strongly connected components over the graph without its forEach nodes. */
    static void checkCycles(DefinitionGraph graph, Incidents incidents) {
        new Cycles(graph, incidents).find();
    }

    private static final class Cycles {

        private final DefinitionGraph graph;
        private final Incidents incidents;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private int counter;

        Cycles(DefinitionGraph graph, Incidents incidents) {
            this.graph = graph;
            this.incidents = incidents;
        }

        void find() {
            for (Node node : graph.nodes()) {
                if (!isLoop(node.id()) && !index.containsKey(node.id())) {
                    strongConnect(node.id());
                }
            }
        }

        private boolean isLoop(String nodeId) {
            Node node = graph.node(nodeId);
            return node != null && "forEach".equals(node.type());
        }

        private void strongConnect(String v) {
            index.put(v, counter);
            low.put(v, counter);
            counter++;
            stack.push(v);
            onStack.add(v);
            for (String w : graph.successors(v)) {
                if (isLoop(w)) {
                    continue;
                }
                if (!index.containsKey(w)) {
                    strongConnect(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                boolean selfLoop = graph.successors(v).contains(v);
                if (component.size() > 1 || selfLoop) {
                    List<String> ordered = graph.nodeIds().stream().filter(component::contains).toList();
                    incidents.add(IncidentCode.CYCLE, ordered.get(0), null,
                            "Nodes " + ordered + " form an execution cycle that does not pass through a forEach node");
                }
            }
        }
    }
}
