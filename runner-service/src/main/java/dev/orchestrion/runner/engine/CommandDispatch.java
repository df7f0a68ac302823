package dev.orchestrion.runner.engine;

import java.util.Map;

import dev.orchestrion.runner.engine.node.NodeResult;
import dev.orchestrion.runner.engine.node.WaitForEventExecutor;
import dev.orchestrion.runner.engine.state.BudgetExceededException;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.RunStatus;

/**
 * Applies one command to a run, one method per kind. A command for a wait the run is no longer in (a late timer, a
 * repeated call outcome) changes nothing; commands other than Start, Retry and Cancel do nothing to an ended run.
 */
final class CommandDispatch {

    private CommandDispatch() {
    }

    static void apply(Stretch s, EngineCommand command) {
        if (command instanceof EngineCommand.Start) {
            start(s);
        } else if (command instanceof EngineCommand.Retry) {
            retryFromFailure(s);
        } else if (command instanceof EngineCommand.Cancel cancel) {
            if (!s.run.status.isTerminal()) {
                RunEnding.cancel(s, cancel.reason());
            }
        } else if (s.run.status.isTerminal()) {
            return;
        } else if (command instanceof EngineCommand.Signal signal) {
            signal(s, signal);
        } else if (command instanceof EngineCommand.TimerFired timer) {
            timerFired(s, timer.waitId());
        } else if (command instanceof EngineCommand.CallEnded ended) {
            callEnded(s, ended);
        } else if (command instanceof EngineCommand.ChildEnded ended) {
            childEnded(s, ended);
        }
        // Continue: nothing to apply, the node loop goes on where the last stretch yielded
    }

    private static void start(Stretch s) {
        if (s.run.status == RunStatus.PENDING) {
            s.run.started(s.now);
            s.state.begin(s.graph.startNodeId());
            s.events.started();
            if (s.graph.timeout() != null) {
                s.checkpoint.timer(RunEngine.RUN_TIMEOUT_WAIT, s.run.createdAt.plus(s.graph.timeout()));
            }
        }
        // A RUNNING run whose executor died mid-stretch simply continues from its checkpoint.
    }

    private static void retryFromFailure(Stretch s) {
        if (s.run.status != RunStatus.FAILED || s.state.failure() == null) {
            return;
        }
        s.run.retried();
        s.state.retriedFromFailure();
        s.checkpoint.markChanged();
        if (s.graph.timeout() != null) {
            s.checkpoint.timer(RunEngine.RUN_TIMEOUT_WAIT, s.now.plus(s.graph.timeout()));
        }
    }

    private static void signal(Stretch s, EngineCommand.Signal signal) {
        RunState.Wait wait = s.state.waiting();
        if (wait != null && wait.kind() == RunState.WaitKind.SIGNAL && wait.signal().equals(signal.name())) {
            ResultHandling.resolveWait(s, WaitForEventExecutor.received(wait.signal(), signal.data()));
        } else {
            keep(s, "Signal " + signal.name(), signal.data(), () -> s.state.signalKept(signal.name(), signal.data()));
        }
    }

    private static void timerFired(Stretch s, String waitId) {
        if (RunEngine.RUN_TIMEOUT_WAIT.equals(waitId)) {
            RunEnding.failParked(s, "The run exceeded its timeout of " + s.graph.timeout(), "RUN_TIMEOUT");
            return;
        }
        RunState.Wait wait = s.state.waiting();
        if (wait == null || !wait.id().equals(waitId)) {
            return;
        }
        switch (wait.kind()) {
            case TIMER ->
                ResultHandling.resolveWait(s, new NodeResult.Completed("next", Map.of("resumedAt", s.now.toString())));
            case SIGNAL -> ResultHandling.resolveWait(s, WaitForEventExecutor.timedOut(wait.signal()));
            case CALL -> ResultHandling.resolveWait(s,
                    new NodeResult.Failed("No result within the node's timeout", "timeout", "TIMEOUT"));
            case RETRY -> {
                s.state.waitEnded();
                s.checkpoint.resolved(wait.id());
                s.state.goTo(wait.nodeId());
                s.run.resumed();
                s.checkpoint.markChanged();
            }
            case CHILD -> {
                // a child wait has no timer of its own; the run's timeout covers it
            }
        }
    }

    private static void callEnded(Stretch s, EngineCommand.CallEnded ended) {
        RunState.Wait wait = s.state.waiting();
        if (wait != null && wait.kind() == RunState.WaitKind.CALL && wait.id().equals(ended.waitId())) {
            ResultHandling.resolveWait(s, CallOutcomes.toResult(ended.outcome()));
        }
    }

    private static void childEnded(Stretch s, EngineCommand.ChildEnded ended) {
        RunState.Wait wait = s.state.waiting();
        Map<String, Object> outcome = CallOutcomes.kept(ended);
        if (wait != null && wait.kind() == RunState.WaitKind.CHILD && wait.childRunId().equals(ended.childRunId())) {
            ResultHandling.resolveWait(s, CallOutcomes.childResult(ended.childRunId(), outcome));
        } else if (ended.childRunId() != null) {
            // The child ended before the start call's result told this run its id: keep its outcome.
            keep(s, "The outcome of child run " + ended.childRunId(), outcome,
                    () -> s.state.childEndedEarly(ended.childRunId(), outcome));
        }
    }

    /** Keeps data that arrived for later (an early signal, a fast child's outcome), if the run has room for it. */
    private static void keep(Stretch s, String what, Object data, Runnable store) {
        try {
            s.budget.stored(what, data);
        } catch (BudgetExceededException e) {
            RunEnding.failParked(s, e.getMessage(), e.code());
            return;
        }
        store.run();
        s.checkpoint.markChanged();
    }
}
