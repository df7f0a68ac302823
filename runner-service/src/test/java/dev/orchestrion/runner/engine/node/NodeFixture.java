package dev.orchestrion.runner.engine.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.engine.state.Budgets;
import dev.orchestrion.runner.engine.state.StateBudget;
import dev.orchestrion.runner.model.RunState;

/**
 * One definition and one run state, to execute single nodes with their real executors: no engine, no Quarkus, no
 * I/O. What a node changes in the state is applied only when the test says so ({@link #apply}), as the engine would.
 */
final class NodeFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Expressions EXPRESSIONS = new Expressions();
    private static final NodeExecutors EXECUTORS = NodeExecutors.standard();

    final WorkflowGraph graph;
    RunState state;
    Instant now = Instant.parse("2026-03-02T10:00:00Z");
    Budgets budgets = Budgets.DEFAULT;
    /** The context of the last execution: what the node recorded as its step's inputs. */
    NodeContext context;

    private NodeFixture(String definition, Map<String, Object> params) {
        try {
            WorkflowVersion version = JSON.readValue(definition, WorkflowVersion.class);
            this.graph = WorkflowGraph.compile(new WorkflowVersion(UUID.randomUUID().toString(), 1, "test",
                    version.timeout(), null, version.parameters(), null, version.nodes(), version.executionConnectors(),
                    version.dataConnectors(), version.connections()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.state = RunState.initial(params, Map.of("id", "case-1", "email", "ada@example.com"), Map.of("kind", "api"),
                null);
    }

    /** A start node followed by {@code nodes} (JSON objects, comma-separated), with these parameters. */
    static NodeFixture nodes(String nodes, Map<String, Object> params) {
        return new NodeFixture("{\"nodes\":[{\"id\":\"start\",\"type\":\"start\"}," + nodes + "]}", params);
    }

    /** A whole definition (nodes, connectors, parameters, connections). */
    static NodeFixture definition(String definition, Map<String, Object> params) {
        return new NodeFixture(definition, params);
    }

    /** Executes node {@code nodeId} with the executor of its type, as attempt 1. */
    NodeResult execute(String nodeId) {
        WorkflowVersion.Node node = graph.node(nodeId);
        context = new NodeContext(new NodeContext.RunInfo("run-1", "acme", graph.version().definitionId(), 1, "case-1",
                "production", now), graph, node, state, EXPRESSIONS, now, 1, new StateBudget(budgets, state, -1));
        NodeExecutor executor = EXECUTORS.forType(node.type());
        NodeResult result = executor.execute(context);
        if (!executor.kind().allows(result)) {
            throw new AssertionError(executor.kind() + " executor " + node.type() + " answered " + result);
        }
        return result;
    }

    /** Applies a completed result's state change and its output, as the engine does. */
    NodeFixture apply(String nodeId, NodeResult result) {
        NodeResult.Completed completed = (NodeResult.Completed) result;
        if (completed.change() != null) {
            completed.change().applyTo(state);
        }
        state.nodeCompleted(nodeId, completed.data());
        return this;
    }

    Map<String, Object> inputs() {
        return context.inputs();
    }

    static List<Object> list(Object... items) {
        return List.of(items);
    }
}
