package dev.orchestrion.runner.engine;

import java.time.Instant;
import java.util.UUID;

import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.engine.node.NodeContext;
import dev.orchestrion.runner.engine.node.NodeExecutors;
import dev.orchestrion.runner.engine.state.StateBudget;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunState;

/**
 * One stretch of one run: what the command, the nodes it leads to and their results share. The run and its state
 * change only through their own methods; what leaves the stretch goes into the checkpoint.
 */
final class Stretch {

    final Run run;
    final RunState state;
    final WorkflowGraph graph;
    final Checkpoint checkpoint;
    final Instant now;
    final Redactor redactor;
    final StateBudget budget;
    final RunEvents events;
    final NodeExecutors executors;
    final Expressions expressions;
    final StretchLimit limit;

    Stretch(Run run, WorkflowGraph graph, Checkpoint checkpoint, Instant now, StateBudget budget,
            NodeExecutors executors, Expressions expressions, StretchLimit limit) {
        this.run = run;
        this.state = run.state;
        this.graph = graph;
        this.checkpoint = checkpoint;
        this.now = now;
        this.redactor = Redactor.of(graph, state);
        this.budget = budget;
        this.events = new RunEvents(run, checkpoint, now);
        this.executors = executors;
        this.expressions = expressions;
        this.limit = limit;
    }

    /** A new wait of {@code node}'s step, starting now. */
    RunState.Wait newWait(RunState.WaitKind kind, WorkflowVersion.Node node, int step, int attempt, String until,
            String signal, String childRunId) {
        return new RunState.Wait(UUID.randomUUID().toString(), kind, node.id(), node.type(), step, attempt,
                now.toString(), until, signal, childRunId);
    }

    /** Facts about the run that nodes may read. */
    NodeContext.RunInfo info() {
        return new NodeContext.RunInfo(run.id.toString(), run.tenant, run.definitionId.toString(), run.version,
                run.caseId.toString(), run.environment, run.startedAt);
    }
}
