package dev.orchestrion.runner.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.expression.ExpressionException;
import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.engine.node.NodeContext;
import dev.orchestrion.runner.engine.node.NodeExecutor;
import dev.orchestrion.runner.engine.node.NodeExecutors;
import dev.orchestrion.runner.engine.node.NodeResult;
import dev.orchestrion.runner.engine.node.StateChange;
import dev.orchestrion.runner.engine.node.WaitForEventExecutor;
import dev.orchestrion.runner.engine.state.BudgetExceededException;
import dev.orchestrion.runner.engine.state.Budgets;
import dev.orchestrion.runner.engine.state.StateBudget;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.model.StepStatus;

/**
 * Drives one run through one stretch: applies a command, then executes nodes until the run ends, parks or starts
 * an outbound call. Everything it produces goes into a {@link Checkpoint}; it does no I/O itself, so a stretch is
 * deterministic apart from the clock and random splits, and a crash before the checkpoint commits simply replays it.
 */
public final class RunEngine {

    /** After this many nodes a stretch yields (and continues through a command) so one run cannot hog a batch. */
    static final int MAX_NODES_PER_STRETCH = 1000;
    /**
     * How long after an outbound call's own timeout the run gives up waiting for its result. The call enforces its
     * timeout itself (OutboundCalls); this timer only stands in for a result lost with a crashed instance.
     */
    static final Duration CALL_GRACE = Duration.ofSeconds(30);
    /** How long a call may take when neither its node nor its type says. */
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final String RUN_TIMEOUT_WAIT = "run-timeout";
    /** The failure kind of a node that exceeded a budget (never retried: it would fail the same way). */
    public static final String BUDGET_FAILURE = "budget";

    private final NodeExecutors executors;
    private final Expressions expressions;
    private final Budgets budgets;

    public RunEngine(NodeExecutors executors, Expressions expressions) {
        this(executors, expressions, Budgets.DEFAULT);
    }

    public RunEngine(NodeExecutors executors, Expressions expressions, Budgets budgets) {
        this.executors = executors;
        this.expressions = expressions;
        this.budgets = budgets;
    }

    public Checkpoint process(Run run, WorkflowGraph graph, EngineCommand command, Instant now) {
        Checkpoint checkpoint = new Checkpoint(run);
        Stretch stretch = new Stretch(run, graph, checkpoint, now);
        stretch.apply(command);
        stretch.runUntilBlocked();
        run.stateSize = stretch.budget.estimate();
        return checkpoint;
    }

    /** One stretch of one run. */
    private final class Stretch {

        private final Run run;
        private final RunState state;
        private final WorkflowGraph graph;
        private final Checkpoint checkpoint;
        private final Instant now;
        private final Redactor redactor;
        private final StateBudget budget;

        Stretch(Run run, WorkflowGraph graph, Checkpoint checkpoint, Instant now) {
            this.run = run;
            this.state = run.state;
            this.graph = graph;
            this.checkpoint = checkpoint;
            this.now = now;
            this.redactor = Redactor.of(graph, state);
            this.budget = new StateBudget(budgets, state, run.stateSize);
        }

        void start() {
            if (run.status == RunStatus.PENDING) {
                run.started(now);
                state.begin(graph.startNodeId());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("startedAt", now.toString());
                data.put("parentRunId", run.parentRunId == null ? null : run.parentRunId.toString());
                checkpoint.event("started", now, data);
                if (graph.timeout() != null) {
                    checkpoint.timer(RUN_TIMEOUT_WAIT, run.createdAt.plus(graph.timeout()));
                }
            }
            // A RUNNING run whose executor died mid-stretch simply continues from its checkpoint.
        }

        /** Applies one command; commands other than Start, Retry and Cancel do nothing to an ended run. */
        void apply(EngineCommand command) {
            if (command instanceof EngineCommand.Start) {
                start();
            } else if (command instanceof EngineCommand.Retry) {
                retryFromFailure();
            } else if (command instanceof EngineCommand.Cancel cancel) {
                cancel(cancel.reason());
            } else if (run.status.isTerminal()) {
                return;
            } else if (command instanceof EngineCommand.Signal signal) {
                signal(signal);
            } else if (command instanceof EngineCommand.TimerFired timer) {
                timerFired(timer.waitId());
            } else if (command instanceof EngineCommand.CallEnded ended) {
                callEnded(ended);
            } else if (command instanceof EngineCommand.ChildEnded ended) {
                childEnded(ended);
            }
            // Continue: nothing to apply, the node loop goes on where the last stretch yielded
        }

        private void signal(EngineCommand.Signal signal) {
            RunState.Wait wait = state.waiting();
            if (wait != null && wait.kind() == RunState.WaitKind.SIGNAL && wait.signal().equals(signal.name())) {
                resolveWait(WaitForEventExecutor.received(wait.signal(), signal.data()));
            } else {
                keep("Signal " + signal.name(), signal.data(), () -> state.signalKept(signal.name(), signal.data()));
            }
        }

        private void timerFired(String waitId) {
            RunState.Wait wait = state.waiting();
            if (RUN_TIMEOUT_WAIT.equals(waitId)) {
                timeOut();
            } else if (wait != null && wait.id().equals(waitId)) {
                onTimer(wait);
            }
        }

        private void callEnded(EngineCommand.CallEnded ended) {
            RunState.Wait wait = state.waiting();
            if (wait != null && wait.kind() == RunState.WaitKind.CALL && wait.id().equals(ended.waitId())) {
                resolveWait(CallOutcomes.toResult(ended.outcome()));
            }
        }

        private void childEnded(EngineCommand.ChildEnded ended) {
            RunState.Wait wait = state.waiting();
            Map<String, Object> outcome = CallOutcomes.kept(ended);
            if (wait != null && wait.kind() == RunState.WaitKind.CHILD
                    && wait.childRunId().equals(ended.childRunId())) {
                resolveWait(CallOutcomes.childResult(ended.childRunId(), outcome));
            } else if (ended.childRunId() != null) {
                // The child ended before the start call's result told this run its id: keep its outcome.
                keep("The outcome of child run " + ended.childRunId(), outcome,
                        () -> state.childEndedEarly(ended.childRunId(), outcome));
            }
        }

        void cancel(String reason) {
            if (run.status.isTerminal()) {
                return;
            }
            stopCurrentWait(StepStatus.CANCELLED, "The run was cancelled");
            run.cancelled(now);
            state.cancelled();
            checkpoint.clearAllTimers();
            Map<String, Object> data = terminalData("CANCELLED");
            data.put("reason", reason);
            checkpoint.event("cancelled", now, data);
            notifyParent("CANCELLED", null, Map.of("message", "The child run was cancelled"));
        }

        void runUntilBlocked() {
            int executed = 0;
            while (run.status == RunStatus.RUNNING && state.next() != null && state.waiting() == null) {
                if (executed++ >= MAX_NODES_PER_STRETCH) {
                    checkpoint.command(run.id, run.tenant, new EngineCommand.Continue());
                    return;
                }
                String nodeId = state.next();
                WorkflowVersion.Node node = graph.node(nodeId);
                RunState.StepStarted step = state.stepStarted(nodeId);
                int attempt = step.attempt();
                int seq = step.step();
                int execution = step.execution();
                checkpoint.event("node-started", now, nodeData(node, attempt, Map.of("startedAt", now.toString())));
                NodeContext context = new NodeContext(info(), graph, node, state, expressions, now, attempt, budget);
                NodeResult result;
                try {
                    NodeExecutor executor = executors.forType(node.type());
                    result = executor.execute(context);
                    if (!executor.kind().allows(result)) {
                        throw new IllegalStateException(
                                "A " + executor.kind() + " node of type " + node.type() + " cannot answer " + result);
                    }
                } catch (BudgetExceededException e) {
                    result = new NodeResult.Failed(e.getMessage(), BUDGET_FAILURE, e.code());
                } catch (ExpressionException e) {
                    result = new NodeResult.Failed(e.getMessage(), "expression", "EXPRESSION");
                } catch (RuntimeException e) {
                    result = new NodeResult.Failed(String.valueOf(e.getMessage()), "error", null);
                }
                if (result instanceof NodeResult.Call call) {
                    startCall(node, seq, attempt, execution, context, call);
                } else {
                    handle(node, seq, attempt, now, redactor.inputs(node.id(), context.inputs()), result);
                }
            }
        }

        private void handle(WorkflowVersion.Node node, int seq, int attempt, Instant startedAt,
                Map<String, Object> inputs, NodeResult outcome) {
            String nodeId = node.id();
            if (outcome instanceof NodeResult.Completed completed && completed.change() != null) {
                apply(completed.change());
            }
            NodeResult result = withinBudget(node, outcome);
            if (result instanceof NodeResult.Completed completed) {
                state.nodeCompleted(nodeId, completed.data());
                checkpoint.step(new StepRecord(seq, nodeId, node.type(), attempt, StepStatus.COMPLETED, startedAt, now,
                        inputs, redactor.outputs(nodeId, completed.data()), completed.output(), null));
                checkpoint.event("node-completed", now,
                        nodeData(node, attempt, timing(startedAt, Map.of("output", completed.output()))));
                RunState.Frame loop = state.innermostFrame();
                Decision decision = Decider.afterCompleted(graph, nodeId, completed.output(),
                        loop == null ? null : loop.nodeId());
                if (decision instanceof Decision.Execute execute) {
                    state.goTo(execute.nodeId());
                } else {
                    complete(Map.of());
                }
            } else if (result instanceof NodeResult.Failed failed) {
                Decision decision = Decider.afterFailure(graph, nodeId, attempt, failed.kind(), state.onErrorPath());
                String message = redactor.message(nodeId, failed.message());
                Map<String, Object> error = error(message, failed.code(), null);
                checkpoint.step(new StepRecord(seq, nodeId, node.type(), attempt, StepStatus.FAILED, startedAt, now,
                        inputs, null, null, error));
                checkpoint.event("node-failed", now, nodeData(node, attempt,
                        timing(startedAt, Map.of("error", error, "willRetry", decision instanceof Decision.Retry))));
                if (decision instanceof Decision.Retry retry) {
                    Instant until = now.plus(retry.after());
                    RunState.Wait wait = newWait(RunState.WaitKind.RETRY, node, seq, attempt, until.toString(), null,
                            null);
                    state.retryScheduled(nodeId, attempt, wait);
                    checkpoint.timer(wait.id(), until);
                } else if (decision instanceof Decision.TakeErrorPath errorPath) {
                    Map<String, Object> cause = new LinkedHashMap<>();
                    cause.put("nodeId", nodeId);
                    cause.put("nodeType", node.type());
                    cause.put("message", message);
                    cause.put("attempts", attempt);
                    state.errorPathTaken(nodeId, graph.startNodeId(), cause, errorPath.nodeId());
                } else {
                    failRun(node, attempt, message, failed.code());
                }
            } else if (result instanceof NodeResult.Waiting waiting) {
                boolean timer = waiting.signal() == null;
                RunState.Wait wait = newWait(timer ? RunState.WaitKind.TIMER : RunState.WaitKind.SIGNAL, node, seq,
                        attempt, waiting.until() == null ? null : waiting.until().toString(), waiting.signal(), null);
                park(node, seq, attempt, startedAt, inputs, wait, waitingFor(wait));
                if (waiting.until() != null) {
                    checkpoint.timer(wait.id(), waiting.until());
                }
            } else if (result instanceof NodeResult.WaitingForChild child) {
                RunState.Wait wait = newWait(RunState.WaitKind.CHILD, node, seq, attempt, null, null,
                        child.childRunId());
                park(node, seq, attempt, startedAt, inputs, wait, waitingFor(wait));
            } else if (result instanceof NodeResult.Ended ended) {
                state.nodeEnded(nodeId, ended.result());
                // the run keeps the real result for its own nodes; what leaves it (result, events) is masked
                Map<String, Object> shown = redactor.outputs(nodeId, ended.result());
                checkpoint.step(new StepRecord(seq, nodeId, node.type(), attempt, StepStatus.COMPLETED, startedAt, now,
                        inputs, shown, null, null));
                Map<String, Object> completedData = new LinkedHashMap<>();
                completedData.put("output", null);
                checkpoint.event("node-completed", now, nodeData(node, attempt, timing(startedAt, completedData)));
                complete(shown);
            } else if (result instanceof NodeResult.RunFailed runFailed) {
                String message = redactor.message(nodeId, runFailed.message());
                Map<String, Object> error = error(message, runFailed.code(), null);
                checkpoint.step(new StepRecord(seq, nodeId, node.type(), attempt, StepStatus.FAILED, startedAt, now,
                        inputs, null, null, error));
                checkpoint.event("node-failed", now,
                        nodeData(node, attempt, timing(startedAt, Map.of("error", error, "willRetry", false))));
                failRun(node, attempt, message, runFailed.code());
            } else {
                throw new IllegalStateException("Unexpected node result " + result);
            }
        }

        /** The node's result, or its failure when what it would store does not fit the run's budgets. */
        private NodeResult withinBudget(WorkflowVersion.Node node, NodeResult result) {
            try {
                if (result instanceof NodeResult.Completed completed) {
                    budget.stored("The output of node " + node.id(), completed.data());
                } else if (result instanceof NodeResult.Ended ended) {
                    budget.stored("The result of node " + node.id(), ended.result());
                }
                return result;
            } catch (BudgetExceededException e) {
                return new NodeResult.Failed(e.getMessage(), BUDGET_FAILURE, e.code());
            }
        }

        /** Keeps data that arrived for later (an early signal, a fast child's outcome), if the run has room for it. */
        private void keep(String what, Object data, Runnable store) {
            try {
                budget.stored(what, data);
            } catch (BudgetExceededException e) {
                failParked(e.getMessage(), e.code());
                return;
            }
            store.run();
            checkpoint.markChanged();
        }

        private void startCall(WorkflowVersion.Node node, int seq, int attempt, int execution, NodeContext context,
                NodeResult.Call call) {
            Duration timeout = attemptTimeout(node, call);
            RunState.Wait wait = newWait(RunState.WaitKind.CALL, node, seq, attempt, now.plus(timeout).toString(), null,
                    null);
            state.parked(wait);
            Map<String, Object> inputs = context.inputs();
            checkpoint.step(new StepRecord(seq, node.id(), node.type(), attempt, StepStatus.RUNNING, now, null,
                    redactor.inputs(node.id(), inputs), null, null, null));
            checkpoint.timer(wait.id(), now.plus(timeout).plus(CALL_GRACE));
            CallContext callContext = new CallContext(run.id.toString(), run.tenant, run.caseId.toString(),
                    run.definitionId.toString(), run.version, run.environment, node.id(), attempt,
                    run.id + ":" + node.id() + ":" + execution, inputs, graph.version().connections());
            checkpoint.call(new Checkpoint.OutboundCall(wait.id(), callContext, timeout, call.request()));
        }

        /** The node's own timeout if it has one, else what its type allows a call by default. */
        private Duration attemptTimeout(WorkflowVersion.Node node, NodeResult.Call call) {
            if (node.timeout() != null && !node.timeout().isBlank()) {
                try {
                    return Duration.parse(node.timeout());
                } catch (java.time.format.DateTimeParseException e) {
                    // published versions are validated; an unreadable timeout falls back to the type's own
                }
            }
            return call.timeout() == null ? DEFAULT_CALL_TIMEOUT : call.timeout();
        }

        private void park(WorkflowVersion.Node node, int seq, int attempt, Instant startedAt,
                Map<String, Object> inputs, RunState.Wait wait, Map<String, Object> waitingFor) {
            state.parked(wait);
            run.parked();
            checkpoint.step(new StepRecord(seq, node.id(), node.type(), attempt, StepStatus.WAITING, startedAt, null,
                    inputs, null, null, null));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("nodeId", node.id());
            data.put("nodeType", node.type());
            data.put("waitingFor", waitingFor);
            checkpoint.event("waiting", now, data);
        }

        private void onTimer(RunState.Wait wait) {
            switch (wait.kind()) {
                case TIMER -> resolveWait(new NodeResult.Completed("next", Map.of("resumedAt", now.toString())));
                case SIGNAL -> resolveWait(WaitForEventExecutor.timedOut(wait.signal()));
                case CALL ->
                    resolveWait(new NodeResult.Failed("No result within the node's timeout", "timeout", "TIMEOUT"));
                case RETRY -> {
                    state.waitEnded();
                    checkpoint.resolved(wait.id());
                    state.goTo(wait.nodeId());
                    run.resumed();
                    checkpoint.markChanged();
                }
                case CHILD -> {
                    // a child wait has no timer of its own; the run's timeout covers it
                }
            }
        }

        /** The wait ended with {@code result}: the parked node's step ends and execution goes on from it. */
        private void resolveWait(NodeResult result) {
            RunState.Wait wait = state.waitEnded();
            checkpoint.resolved(wait.id());
            run.resumed();
            WorkflowVersion.Node node = graph.node(wait.nodeId());
            if (result instanceof NodeResult.WaitingForChild child) {
                Map<String, Object> endedEarly = state.takeEndedChild(child.childRunId());
                if (endedEarly != null) {
                    result = CallOutcomes.childResult(child.childRunId(), endedEarly);
                }
            }
            if (result instanceof NodeResult.WaitingForChild child) {
                // the call that started a child run answered: now wait for the child itself
                RunState.Wait childWait = new RunState.Wait(UUID.randomUUID().toString(), RunState.WaitKind.CHILD,
                        node.id(), node.type(), wait.step(), wait.attempt(), wait.startedAt(), null, null,
                        child.childRunId());
                park(node, wait.step(), wait.attempt(), Instant.parse(wait.startedAt()), null, childWait,
                        waitingFor(childWait));
                return;
            }
            handle(node, wait.step(), wait.attempt(), Instant.parse(wait.startedAt()), null, result);
        }

        private void retryFromFailure() {
            if (run.status != RunStatus.FAILED || state.failure() == null) {
                return;
            }
            run.retried();
            state.retriedFromFailure();
            checkpoint.markChanged();
            if (graph.timeout() != null) {
                checkpoint.timer(RUN_TIMEOUT_WAIT, now.plus(graph.timeout()));
            }
        }

        private void timeOut() {
            failParked("The run exceeded its timeout of " + graph.timeout(), "RUN_TIMEOUT");
        }

        /** Fails the run from outside any node: the step it is parked in (if any) is cancelled. */
        private void failParked(String message, String code) {
            WorkflowVersion.Node current = state.waiting() != null ? graph.node(state.waiting().nodeId()) : null;
            stopCurrentWait(StepStatus.CANCELLED, message);
            if (current != null) {
                failRun(current, state.attempt(current.id()), message, code);
            } else {
                failRun(null, 0, message, code);
            }
        }

        /** Ends the step the run is parked in (or calling from), and cancels a child it waits for. */
        private void stopCurrentWait(StepStatus status, String message) {
            RunState.Wait wait = state.waitEnded();
            if (wait == null) {
                return;
            }
            if (wait.kind() == RunState.WaitKind.RETRY) {
                return; // the failed attempt's step is already written; no step is under way
            }
            checkpoint.step(new StepRecord(wait.step(), wait.nodeId(), wait.nodeType(), wait.attempt(), status,
                    Instant.parse(wait.startedAt()), now, null, null, null, error(message, null, null)));
            if (wait.kind() == RunState.WaitKind.CHILD && wait.childRunId() != null) {
                checkpoint.command(UUID.fromString(wait.childRunId()), run.tenant,
                        new EngineCommand.Cancel("The parent run ended"));
            }
        }

        private void complete(Map<String, Object> result) {
            run.completed(result, now);
            state.completed();
            checkpoint.clearAllTimers();
            Map<String, Object> data = terminalData("COMPLETED");
            data.put("result", result);
            checkpoint.event("completed", now, data);
            notifyParent("COMPLETED", result, null);
        }

        private void failRun(WorkflowVersion.Node node, int attempts, String message, String code) {
            Map<String, Object> error = error(message, code, node);
            RunState.Failure failure = null;
            if (node != null) {
                error.put("attempts", attempts);
                failure = new RunState.Failure(node.id(), node.type(), message, code, attempts);
            }
            run.failed(error, now);
            state.failed(failure);
            checkpoint.clearAllTimers();
            Map<String, Object> data = terminalData("FAILED");
            data.put("error", error);
            checkpoint.event("failed", now, data);
            notifyParent("FAILED", null, error);
        }

        private void notifyParent(String status, Map<String, Object> result, Map<String, Object> error) {
            if (run.parentRunId == null) {
                return;
            }
            checkpoint.command(run.parentRunId, run.tenant,
                    new EngineCommand.ChildEnded(run.id.toString(), status, result, error));
        }

        private Map<String, Object> terminalData(String status) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("status", status);
            data.put("createdAt", run.createdAt.toString());
            data.put("startedAt", run.startedAt == null ? null : run.startedAt.toString());
            data.put("endedAt", now.toString());
            data.put("parentRunId", run.parentRunId == null ? null : run.parentRunId.toString());
            return data;
        }

        private Map<String, Object> nodeData(WorkflowVersion.Node node, int attempt, Map<String, Object> specific) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("nodeId", node.id());
            data.put("nodeType", node.type());
            data.put("attempt", attempt);
            data.putAll(specific);
            return data;
        }

        private Map<String, Object> timing(Instant startedAt, Map<String, Object> specific) {
            Map<String, Object> data = new LinkedHashMap<>(specific);
            data.put("startedAt", startedAt.toString());
            data.put("endedAt", now.toString());
            data.put("durationMs", Math.max(0, now.toEpochMilli() - startedAt.toEpochMilli()));
            return data;
        }

        private Map<String, Object> error(String message, String code, WorkflowVersion.Node node) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message == null ? "Unknown error" : message);
            if (code != null) {
                error.put("code", code);
            }
            if (node != null) {
                error.put("nodeId", node.id());
                error.put("nodeType", node.type());
            }
            return error;
        }

        private RunState.Wait newWait(RunState.WaitKind kind, WorkflowVersion.Node node, int seq, int attempt,
                String until, String signal, String childRunId) {
            return new RunState.Wait(UUID.randomUUID().toString(), kind, node.id(), node.type(), seq, attempt,
                    now.toString(), until, signal, childRunId);
        }

        /** Applies what a completed node changed in the run state besides its output. */
        private void apply(StateChange change) {
            if (change instanceof StateChange.VarsAssigned assigned) {
                state.varsAssigned(assigned.assigned());
            } else if (change instanceof StateChange.LoopOpened opened) {
                state.loopOpened(opened.nodeId(), opened.items());
            } else if (change instanceof StateChange.LoopAdvanced advanced) {
                state.loopAdvanced(advanced.nodeId(), advanced.collects(), advanced.collected());
            } else if (change instanceof StateChange.SignalTaken taken) {
                state.signalTaken(taken.name());
            }
        }

        private Map<String, Object> waitingFor(RunState.Wait wait) {
            Map<String, Object> waitingFor = new LinkedHashMap<>();
            waitingFor.put("kind", switch (wait.kind()) {
                case TIMER -> "timer";
                case SIGNAL -> "signal";
                case CHILD -> "child";
                default -> throw new IllegalStateException("Not a parked wait: " + wait.kind());
            });
            if (wait.until() != null) {
                waitingFor.put("until", wait.until());
            }
            if (wait.signal() != null) {
                waitingFor.put("signal", wait.signal());
            }
            if (wait.childRunId() != null) {
                waitingFor.put("childRunId", wait.childRunId());
            }
            return waitingFor;
        }

        private NodeContext.RunInfo info() {
            return new NodeContext.RunInfo(run.id.toString(), run.tenant, run.definitionId.toString(), run.version,
                    run.caseId.toString(), run.environment, run.startedAt);
        }
    }
}
