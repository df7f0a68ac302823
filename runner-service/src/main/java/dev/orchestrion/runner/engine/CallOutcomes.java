package dev.orchestrion.runner.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.orchestrion.runner.engine.node.NodeResult;

/**
 * The results of outbound calls and child runs as they travel in ResumeRun commands ({@code outcome}), and back.
 */
public final class CallOutcomes {

    private CallOutcomes() {
    }

    public static Map<String, Object> toOutcome(NodeResult result) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        if (result instanceof NodeResult.Completed completed) {
            outcome.put("status", "completed");
            outcome.put("output", completed.output());
            outcome.put("data", completed.data());
        } else if (result instanceof NodeResult.Failed failed) {
            outcome.put("status", "failed");
            outcome.put("message", failed.message());
            outcome.put("kind", failed.kind());
            outcome.put("code", failed.code());
        } else if (result instanceof NodeResult.WaitingForChild child) {
            outcome.put("status", "waiting-child");
            outcome.put("childRunId", child.childRunId());
        } else {
            throw new IllegalArgumentException("An outbound call cannot end with " + result);
        }
        return outcome;
    }

    @SuppressWarnings("unchecked")
    public static NodeResult toResult(Map<String, Object> outcome) {
        String status = String.valueOf(outcome.get("status"));
        return switch (status) {
            case "completed" -> new NodeResult.Completed(String.valueOf(outcome.getOrDefault("output", "next")),
                    outcome.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of());
            case "failed" -> new NodeResult.Failed(String.valueOf(outcome.get("message")),
                    String.valueOf(outcome.getOrDefault("kind", "error")), (String) outcome.get("code"));
            case "waiting-child" -> new NodeResult.WaitingForChild(String.valueOf(outcome.get("childRunId")));
            default -> new NodeResult.Failed("Unknown call outcome " + status, "error", null);
        };
    }

    /** A subWorkflow node's result once its child run ended. */
    @SuppressWarnings("unchecked")
    public static NodeResult childResult(String childRunId, Map<String, Object> outcome) {
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
