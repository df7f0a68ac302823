package dev.orchestrion.runner.webhook.service;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event types a webhook subscription can ask for, and the run events they come from: run-level ones
 * ({@code run.completed}, ...) and node-level ones ({@code node.completed}, ...) for those who want them.
 */
public final class WebhookEventTypes {

    private static final String RUN = "dev.orchestrion.run.";

    private static final Map<String, String> BY_CLOUD_EVENT_TYPE = Map.of(RUN + "started", "run.started",
            RUN + "waiting", "run.waiting", RUN + "completed", "run.completed", RUN + "failed", "run.failed",
            RUN + "cancelled", "run.cancelled", RUN + "node-started", "node.started", RUN + "node-completed",
            "node.completed", RUN + "node-failed", "node.failed");

    /** What a subscription may list, in a stable order for messages. */
    public static final List<String> ALL = List.of("run.started", "run.waiting", "run.completed", "run.failed",
            "run.cancelled", "node.started", "node.completed", "node.failed");

    /** The events a run's own callbackUrl receives: its end. */
    public static final Set<String> CALLBACK = Set.of("run.completed", "run.failed", "run.cancelled");

    private WebhookEventTypes() {
    }

    /** The webhook event type of a run event's CloudEvents type, or null when no webhook carries it. */
    public static String of(String cloudEventType) {
        return cloudEventType == null ? null : BY_CLOUD_EVENT_TYPE.get(cloudEventType);
    }

    public static boolean isKnown(String webhookType) {
        return ALL.contains(webhookType);
    }
}
