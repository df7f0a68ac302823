package dev.orchestrion.runner.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.engine.node.NodeResult;
import dev.orchestrion.runner.engine.state.BudgetExceededException;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.model.StepStatus;

/**
 * What a node's result does to its run, one method per kind of result: a completed node's output is kept and the
 * Decider says what follows; a failed one is retried, takes the error path or fails the run; a waiting one parks the
 * run; an end or fail node ends it. Also how a wait ends with a result (a timer, a signal, a call's outcome).
 */
final class ResultHandling {

    private ResultHandling() {
    }

    /** Handles the result of attempt {@code attempt} of {@code node}, step {@code step}, which started then. */
    static void handle(Stretch s, WorkflowVersion.Node node, int step, int attempt, Instant startedAt,
            Map<String, Object> inputs, NodeResult outcome) {
        if (outcome instanceof NodeResult.Completed completed && completed.change() != null) {
            completed.change().applyTo(s.state);
        }
        NodeResult result = withinBudget(s, node, outcome);
        if (result instanceof NodeResult.Completed completed) {
            completed(s, node, step, attempt, startedAt, inputs, completed);
        } else if (result instanceof NodeResult.Failed failed) {
            failed(s, node, step, attempt, startedAt, inputs, failed);
        } else if (result instanceof NodeResult.Waiting waiting) {
            RunState.Wait wait = s.newWait(
                    waiting.signal() == null ? RunState.WaitKind.TIMER : RunState.WaitKind.SIGNAL, node, step, attempt,
                    waiting.until() == null ? null : waiting.until().toString(), waiting.signal(), null);
            park(s, node, startedAt, inputs, wait);
            if (waiting.until() != null) {
                s.checkpoint.timer(wait.id(), waiting.until());
            }
        } else if (result instanceof NodeResult.WaitingForChild child) {
            park(s, node, startedAt, inputs,
                    s.newWait(RunState.WaitKind.CHILD, node, step, attempt, null, null, child.childRunId()));
        } else if (result instanceof NodeResult.Ended ended) {
            ended(s, node, step, attempt, startedAt, inputs, ended);
        } else if (result instanceof NodeResult.RunFailed runFailed) {
            String message = s.redactor.message(node.id(), runFailed.message());
            Map<String, Object> error = RunEvents.error(message, runFailed.code(), null);
            s.checkpoint.step(new StepRecord(step, node.id(), node.type(), attempt, StepStatus.FAILED, startedAt, s.now,
                    inputs, null, null, error));
            s.events.nodeFailed(node, attempt, startedAt, error, false);
            RunEnding.fail(s, node, attempt, message, runFailed.code());
        } else {
            throw new IllegalStateException("Unexpected node result " + result);
        }
    }

    /** The wait the run was parked in ended with {@code result}: the parked node's step ends and execution goes on. */
    static void resolveWait(Stretch s, NodeResult result) {
        RunState.Wait wait = s.state.waitEnded();
        s.checkpoint.resolved(wait.id());
        s.run.resumed();
        WorkflowVersion.Node node = s.graph.node(wait.nodeId());
        Instant startedAt = Instant.parse(wait.startedAt());
        if (result instanceof NodeResult.WaitingForChild child) {
            Map<String, Object> endedEarly = s.state.takeEndedChild(child.childRunId());
            if (endedEarly != null) {
                result = CallOutcomes.childResult(child.childRunId(), endedEarly);
            } else {
                // the call that started a child run answered: now wait for the child itself
                park(s, node, startedAt, null,
                        new RunState.Wait(UUID.randomUUID().toString(), RunState.WaitKind.CHILD, node.id(), node.type(),
                                wait.step(), wait.attempt(), wait.startedAt(), null, null, child.childRunId()));
                return;
            }
        }
        handle(s, node, wait.step(), wait.attempt(), startedAt, null, result);
    }

    private static void completed(Stretch s, WorkflowVersion.Node node, int step, int attempt, Instant startedAt,
            Map<String, Object> inputs, NodeResult.Completed completed) {
        String nodeId = node.id();
        s.state.nodeCompleted(nodeId, completed.data());
        s.checkpoint.step(new StepRecord(step, nodeId, node.type(), attempt, StepStatus.COMPLETED, startedAt, s.now,
                inputs, s.redactor.outputs(nodeId, completed.data()), completed.output(), null));
        s.events.nodeCompleted(node, attempt, startedAt, completed.output());
        RunState.Frame loop = s.state.innermostFrame();
        Decision decision = Decider.afterCompleted(s.graph, nodeId, completed.output(),
                loop == null ? null : loop.nodeId());
        if (decision instanceof Decision.Execute execute) {
            s.state.goTo(execute.nodeId());
        } else {
            RunEnding.complete(s, Map.of());
        }
    }

    private static void failed(Stretch s, WorkflowVersion.Node node, int step, int attempt, Instant startedAt,
            Map<String, Object> inputs, NodeResult.Failed failed) {
        String nodeId = node.id();
        Decision decision = Decider.afterFailure(s.graph, nodeId, attempt, failed.kind(), s.state.onErrorPath());
        String message = s.redactor.message(nodeId, failed.message());
        Map<String, Object> error = RunEvents.error(message, failed.code(), null);
        s.checkpoint.step(new StepRecord(step, nodeId, node.type(), attempt, StepStatus.FAILED, startedAt, s.now,
                inputs, null, null, error));
        s.events.nodeFailed(node, attempt, startedAt, error, decision instanceof Decision.Retry);
        if (decision instanceof Decision.Retry retry) {
            Instant until = s.now.plus(retry.after());
            RunState.Wait backoff = s.newWait(RunState.WaitKind.RETRY, node, step, attempt, until.toString(), null,
                    null);
            s.state.retryScheduled(nodeId, attempt, backoff);
            s.checkpoint.timer(backoff.id(), until);
        } else if (decision instanceof Decision.TakeErrorPath errorPath) {
            Map<String, Object> cause = new LinkedHashMap<>();
            cause.put("nodeId", nodeId);
            cause.put("nodeType", node.type());
            cause.put("message", message);
            cause.put("attempts", attempt);
            s.state.errorPathTaken(nodeId, s.graph.startNodeId(), cause, errorPath.nodeId());
        } else {
            RunEnding.fail(s, node, attempt, message, failed.code());
        }
    }

    private static void ended(Stretch s, WorkflowVersion.Node node, int step, int attempt, Instant startedAt,
            Map<String, Object> inputs, NodeResult.Ended ended) {
        s.state.nodeEnded(node.id(), ended.result());
        // the run keeps the real result for its own nodes; what leaves it (result, events) is masked
        Map<String, Object> shown = s.redactor.outputs(node.id(), ended.result());
        s.checkpoint.step(new StepRecord(step, node.id(), node.type(), attempt, StepStatus.COMPLETED, startedAt, s.now,
                inputs, shown, null, null));
        s.events.nodeCompleted(node, attempt, startedAt, null);
        RunEnding.complete(s, shown);
    }

    /** The run parks in {@code wait} of {@code node}'s step, which started at {@code startedAt}. */
    private static void park(Stretch s, WorkflowVersion.Node node, Instant startedAt, Map<String, Object> inputs,
            RunState.Wait wait) {
        s.state.parked(wait);
        s.run.parked();
        s.checkpoint.step(new StepRecord(wait.step(), node.id(), node.type(), wait.attempt(), StepStatus.WAITING,
                startedAt, null, inputs, null, null, null));
        s.events.waiting(node, wait);
    }

    /** The node's result, or its failure when what it would store does not fit the run's budgets. */
    private static NodeResult withinBudget(Stretch s, WorkflowVersion.Node node, NodeResult result) {
        try {
            if (result instanceof NodeResult.Completed completed) {
                s.budget.stored("The output of node " + node.id(), completed.data());
            } else if (result instanceof NodeResult.Ended ended) {
                s.budget.stored("The result of node " + node.id(), ended.result());
            }
            return result;
        } catch (BudgetExceededException e) {
            return new NodeResult.Failed(e.getMessage(), RunEngine.BUDGET_FAILURE, e.code());
        }
    }
}
