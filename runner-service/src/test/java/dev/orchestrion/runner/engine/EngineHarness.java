package dev.orchestrion.runner.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.engine.node.NodeExecutor;
import dev.orchestrion.runner.engine.node.NodeExecutors;
import dev.orchestrion.runner.engine.state.Budgets;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.StepRecord;

/** Runs definitions through the pure engine with a controllable clock, collecting everything it produced. */
final class EngineHarness {

    static final ObjectMapper JSON = new ObjectMapper();

    final List<Checkpoint> checkpoints = new ArrayList<>();
    final RunEngine engine;
    final WorkflowGraph graph;
    final Run run;
    Instant now = Instant.parse("2026-03-02T10:00:00Z");

    EngineHarness(String definitionJson, Map<String, Object> params, NodeExecutor... extra) {
        this(Budgets.DEFAULT, definitionJson, params, extra);
    }

    EngineHarness(Budgets budgets, String definitionJson, Map<String, Object> params, NodeExecutor... extra) {
        // every node type's real executor: they do no I/O, so calls come back as descriptions to complete by hand
        Map<String, NodeExecutor> executors = new LinkedHashMap<>();
        for (NodeExecutor executor : NodeExecutors.standardExecutors()) {
            executors.put(executor.type(), executor);
        }
        for (NodeExecutor executor : extra) {
            executors.put(executor.type(), executor);
        }
        this.engine = new RunEngine(new NodeExecutors(executors.values()), new Expressions(), budgets);
        try {
            WorkflowVersion version = JSON.readValue(definitionJson, WorkflowVersion.class);
            this.graph = WorkflowGraph.compile(new WorkflowVersion(UUID.randomUUID().toString(), 1, version.name(),
                    version.timeout(), null, version.parameters(), version.trigger(), version.nodes(),
                    version.executionConnectors(), version.dataConnectors(), version.connections()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run = new Run();
        run.id = UUID.randomUUID();
        run.tenant = "acme";
        run.definitionId = UUID.fromString(graph.version().definitionId());
        run.version = 1;
        run.caseId = UUID.randomUUID();
        run.createdAt = now;
        run.state = RunState.initial(params, null, Map.of(), null);
    }

    /** Makes the run a child that must mask {@code secrets}, as its parent passed them. */
    void inheritSecrets(List<Object> secrets) {
        run.state = RunState.initial(run.state.params(), null, Map.of(), secrets);
    }

    static String example(String name) {
        try {
            return Files.readString(
                    Path.of(System.getProperty("orchestrion.root", "..")).resolve("docs/examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Checkpoint send(EngineCommand command) {
        return send(command, StretchLimit.EXECUTOR);
    }

    Checkpoint send(EngineCommand command, StretchLimit limit) {
        Checkpoint checkpoint = engine.process(run, graph, command, now, limit);
        checkpoints.add(checkpoint);
        return checkpoint;
    }

    Checkpoint start() {
        return send(new EngineCommand.Start());
    }

    Checkpoint timer(String waitId) {
        return send(new EngineCommand.TimerFired(waitId));
    }

    Checkpoint signal(String name, Object data) {
        return send(new EngineCommand.Signal(name, data));
    }

    Checkpoint callResult(String waitId, CallOutcome outcome) {
        return send(new EngineCommand.CallEnded(waitId, outcome));
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    List<String> eventTypes() {
        return checkpoints.stream().flatMap(c -> c.events().stream()).map(Checkpoint.Event::type).toList();
    }

    List<StepRecord> steps() {
        return checkpoints.stream().flatMap(c -> c.steps().stream()).toList();
    }

    Checkpoint last() {
        return checkpoints.get(checkpoints.size() - 1);
    }
}
