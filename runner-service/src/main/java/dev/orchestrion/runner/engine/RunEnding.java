package dev.orchestrion.runner.engine;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.model.StepStatus;

/**
 * How a run ends: completed, failed (by a node, or from outside any node: its timeout, a kept value too large) or
 * cancelled. Each ending moves the run and its state, stops the step it was parked in, clears its timers, writes
 * its terminal event and tells a parent run.
 */
final class RunEnding {

    private RunEnding() {
    }

    static void complete(Stretch s, Map<String, Object> result) {
        s.run.completed(result, s.now);
        s.state.completed();
        s.checkpoint.clearAllTimers();
        s.events.completed(result);
        notifyParent(s, "COMPLETED", result, null);
    }

    /** Fails the run because {@code node} (null: no node) failed for good after {@code attempts} attempts. */
    static void fail(Stretch s, WorkflowVersion.Node node, int attempts, String message, String code) {
        Map<String, Object> error = RunEvents.error(message, code, node);
        RunState.Failure failure = null;
        if (node != null) {
            error.put("attempts", attempts);
            failure = new RunState.Failure(node.id(), node.type(), message, code, attempts);
        }
        s.run.failed(error, s.now);
        s.state.failed(failure);
        s.checkpoint.clearAllTimers();
        s.events.failed(error);
        notifyParent(s, "FAILED", null, error);
    }

    /** Fails the run from outside any node: the step it is parked in (if any) is cancelled. */
    static void failParked(Stretch s, String message, String code) {
        RunState.Wait wait = s.state.waiting();
        WorkflowVersion.Node current = wait != null ? s.graph.node(wait.nodeId()) : null;
        stopCurrentWait(s, StepStatus.CANCELLED, message);
        if (current != null) {
            fail(s, current, s.state.attempt(current.id()), message, code);
        } else {
            fail(s, null, 0, message, code);
        }
    }

    static void cancel(Stretch s, String reason) {
        stopCurrentWait(s, StepStatus.CANCELLED, "The run was cancelled");
        s.run.cancelled(s.now);
        s.state.cancelled();
        s.checkpoint.clearAllTimers();
        s.events.cancelled(reason);
        notifyParent(s, "CANCELLED", null, Map.of("message", "The child run was cancelled"));
    }

    /** Ends the step the run is parked in (or calling from), and cancels a child it waits for. */
    private static void stopCurrentWait(Stretch s, StepStatus status, String message) {
        RunState.Wait wait = s.state.waitEnded();
        if (wait == null || wait.kind() == RunState.WaitKind.RETRY) {
            return; // after a failed attempt its step is already written; no step is under way
        }
        s.checkpoint.step(new StepRecord(wait.step(), wait.nodeId(), wait.nodeType(), wait.attempt(), status,
                Instant.parse(wait.startedAt()), s.now, null, null, null, RunEvents.error(message, null, null)));
        if (wait.kind() == RunState.WaitKind.CHILD && wait.childRunId() != null) {
            s.checkpoint.command(UUID.fromString(wait.childRunId()), s.run.tenant,
                    new EngineCommand.Cancel("The parent run ended"));
        }
    }

    private static void notifyParent(Stretch s, String status, Map<String, Object> result, Map<String, Object> error) {
        if (s.run.parentRunId != null) {
            s.checkpoint.command(s.run.parentRunId, s.run.tenant,
                    new EngineCommand.ChildEnded(s.run.id.toString(), status, result, error));
        }
    }
}
