package dev.orchestrion.runner.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.expression.ExpressionException;
import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.engine.node.NodeContext;
import dev.orchestrion.runner.engine.node.NodeExecutor;
import dev.orchestrion.runner.engine.node.NodeResult;
import dev.orchestrion.runner.engine.state.BudgetExceededException;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.model.StepStatus;

/**
 * Executes nodes one after the other until the run ends, parks, hands a call to the world or has run its share of
 * nodes for this stretch. A call is not made here: its step is recorded as running with a timer past its timeout
 * (standing in for an outcome lost in a crash), and its description goes into the checkpoint.
 */
final class NodeLoop {

    private NodeLoop() {
    }

    static void runUntilBlocked(Stretch s) {
        int executed = 0;
        while (s.run.status == RunStatus.RUNNING && s.state.next() != null && s.state.waiting() == null) {
            if (s.limit.reached(executed)) {
                s.checkpoint.command(s.run.id, s.run.tenant, new EngineCommand.Continue());
                return;
            }
            executed++;
            WorkflowVersion.Node node = s.graph.node(s.state.next());
            RunState.StepStarted step = s.state.stepStarted(node.id());
            s.events.nodeStarted(node, step.attempt());
            NodeContext context = new NodeContext(s.info(), s.graph, node, s.state, s.expressions, s.now,
                    step.attempt(), s.budget);
            NodeResult result = execute(s, node, context);
            if (result instanceof NodeResult.Call call) {
                startCall(s, node, step, context, call);
            } else {
                ResultHandling.handle(s, node, step.step(), step.attempt(), s.now,
                        s.redactor.inputs(node.id(), context.inputs()), result);
            }
        }
    }

    /** The node's result; a failure of the executor (a bad expression, a budget) is the node's failure. */
    private static NodeResult execute(Stretch s, WorkflowVersion.Node node, NodeContext context) {
        try {
            NodeExecutor executor = s.executors.forType(node.type());
            NodeResult result = executor.execute(context);
            if (!executor.kind().allows(result)) {
                throw new IllegalStateException(
                        "A " + executor.kind() + " node of type " + node.type() + " cannot answer " + result);
            }
            return result;
        } catch (BudgetExceededException e) {
            return new NodeResult.Failed(e.getMessage(), RunEngine.BUDGET_FAILURE, e.code());
        } catch (ExpressionException e) {
            return new NodeResult.Failed(e.getMessage(), "expression", "EXPRESSION");
        } catch (RuntimeException e) {
            return new NodeResult.Failed(String.valueOf(e.getMessage()), "error", null);
        }
    }

    /**
     * Parks the run in a CALL wait: the step is recorded as running (its inputs masked) with a timer at the
     * attempt's timeout plus a grace period, and the call (its real inputs, its per-execution idempotency key) goes
     * into the checkpoint to be made after it commits.
     */
    private static void startCall(Stretch s, WorkflowVersion.Node node, RunState.StepStarted step, NodeContext context,
            NodeResult.Call call) {
        Duration timeout = attemptTimeout(node, call);
        RunState.Wait wait = s.newWait(RunState.WaitKind.CALL, node, step.step(), step.attempt(),
                s.now.plus(timeout).toString(), null, null);
        s.state.parked(wait);
        Map<String, Object> inputs = context.inputs();
        s.checkpoint.step(new StepRecord(step.step(), node.id(), node.type(), step.attempt(), StepStatus.RUNNING, s.now,
                null, s.redactor.inputs(node.id(), inputs), null, null, null));
        s.checkpoint.timer(wait.id(), s.now.plus(timeout).plus(RunEngine.CALL_GRACE));
        Run run = s.run;
        CallContext callContext = new CallContext(run.id.toString(), run.tenant, run.caseId.toString(),
                run.definitionId.toString(), run.version, run.environment, node.id(), step.attempt(),
                run.id + ":" + node.id() + ":" + step.execution(), inputs, s.graph.version().connections());
        s.checkpoint.call(new Checkpoint.OutboundCall(wait.id(), callContext, timeout, call.request()));
    }

    /** The node's own timeout if it has one, else what its type allows a call by default. */
    private static Duration attemptTimeout(WorkflowVersion.Node node, NodeResult.Call call) {
        if (node.timeout() != null && !node.timeout().isBlank()) {
            try {
                return Duration.parse(node.timeout());
            } catch (DateTimeParseException e) {
                // published versions are validated; an unreadable timeout falls back to the type's own
            }
        }
        return call.timeout() == null ? RunEngine.DEFAULT_CALL_TIMEOUT : call.timeout();
    }
}
