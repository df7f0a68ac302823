package dev.orchestrion.runner.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.node.NodeResult;

/** What the ends of outbound calls and child runs mean for the node that waited for them. */
final class CallOutcomes {

    private CallOutcomes() {
    }

    /** The parked node's result once its call ended. */
    static NodeResult toResult(CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Completed completed) {
            return new NodeResult.Completed(completed.output(), completed.data());
        }
        if (outcome instanceof CallOutcome.ChildStarted child) {
            return new NodeResult.WaitingForChild(child.childRunId());
        }
        CallOutcome.Failed failed = (CallOutcome.Failed) outcome;
        return new NodeResult.Failed(failed.message(), failed.kind(), failed.code());
    }

    /** How a child run ended, as the parent keeps it when it ends before the parent knows it ({status, result, error}). */
    static Map<String, Object> kept(EngineCommand.ChildEnded ended) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", ended.status());
        outcome.put("result", ended.result());
        outcome.put("error", ended.error());
        return outcome;
    }

    /** A subWorkflow node's result once its child run ended ({@code outcome} as {@link #kept}). */
    @SuppressWarnings("unchecked")
    static NodeResult childResult(String childRunId, Map<String, Object> outcome) {
        String status = String.valueOf(outcome.get("status"));
        if ("COMPLETED".equals(status)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("runId", childRunId);
            data.put("status", status);
            data.put("result", outcome.get("result") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of());
            return new NodeResult.Completed("next", data);
        }
        Object error = outcome.get("error");
        String message = error instanceof Map<?, ?> e && e.get("message") != null
                ? String.valueOf(e.get("message"))
                : status.toLowerCase();
        return new NodeResult.Failed("Child run " + childRunId + " ended " + status + ": " + message, "child",
                "CHILD_" + status);
    }
}
