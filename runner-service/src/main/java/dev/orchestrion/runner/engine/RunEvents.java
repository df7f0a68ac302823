package dev.orchestrion.runner.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunState;

/**
 * What goes into the run's events on {@code workflow.run-events} (docs/events: RunStarted, NodeStarted,
 * NodeCompleted, NodeFailed, RunWaiting, RunCompleted, RunFailed, RunCancelled): one method per event, each adding
 * its payload to the checkpoint (which adds the run's own fields).
 */
final class RunEvents {

    private final Run run;
    private final Checkpoint checkpoint;
    private final Instant now;

    RunEvents(Run run, Checkpoint checkpoint, Instant now) {
        this.run = run;
        this.checkpoint = checkpoint;
        this.now = now;
    }

    void started() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("startedAt", now.toString());
        data.put("parentRunId", run.parentRunId == null ? null : run.parentRunId.toString());
        checkpoint.event("started", now, data);
    }

    void nodeStarted(WorkflowVersion.Node node, int attempt) {
        Map<String, Object> data = node(node, attempt);
        data.put("startedAt", now.toString());
        checkpoint.event("node-started", now, data);
    }

    /** A node completed taking {@code output} (null for an end node). */
    void nodeCompleted(WorkflowVersion.Node node, int attempt, Instant startedAt, String output) {
        Map<String, Object> data = node(node, attempt);
        data.put("output", output);
        checkpoint.event("node-completed", now, timed(data, startedAt));
    }

    void nodeFailed(WorkflowVersion.Node node, int attempt, Instant startedAt, Map<String, Object> error,
            boolean willRetry) {
        Map<String, Object> data = node(node, attempt);
        data.put("error", error);
        data.put("willRetry", willRetry);
        checkpoint.event("node-failed", now, timed(data, startedAt));
    }

    /** The run parked in {@code wait} (a timer, a signal or a child run). */
    void waiting(WorkflowVersion.Node node, RunState.Wait wait) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodeId", node.id());
        data.put("nodeType", node.type());
        data.put("waitingFor", waitingFor(wait));
        checkpoint.event("waiting", now, data);
    }

    void completed(Map<String, Object> result) {
        Map<String, Object> data = ended("COMPLETED");
        data.put("result", result);
        checkpoint.event("completed", now, data);
    }

    void failed(Map<String, Object> error) {
        Map<String, Object> data = ended("FAILED");
        data.put("error", error);
        checkpoint.event("failed", now, data);
    }

    void cancelled(String reason) {
        Map<String, Object> data = ended("CANCELLED");
        data.put("reason", reason);
        checkpoint.event("cancelled", now, data);
    }

    /** An error as steps, events and the run show it: message, code and (for a run's error) the node. */
    static Map<String, Object> error(String message, String code, WorkflowVersion.Node node) {
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

    private static Map<String, Object> node(WorkflowVersion.Node node, int attempt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodeId", node.id());
        data.put("nodeType", node.type());
        data.put("attempt", attempt);
        return data;
    }

    private Map<String, Object> timed(Map<String, Object> data, Instant startedAt) {
        data.put("startedAt", startedAt.toString());
        data.put("endedAt", now.toString());
        data.put("durationMs", Math.max(0, now.toEpochMilli() - startedAt.toEpochMilli()));
        return data;
    }

    private Map<String, Object> ended(String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status);
        data.put("createdAt", run.createdAt.toString());
        data.put("startedAt", run.startedAt == null ? null : run.startedAt.toString());
        data.put("endedAt", now.toString());
        data.put("parentRunId", run.parentRunId == null ? null : run.parentRunId.toString());
        return data;
    }

    private static Map<String, Object> waitingFor(RunState.Wait wait) {
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
}
