package dev.orchestrion.runner.engine.node;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orchestrion.runner.client.ContentEntries;

/** Invokes a workflow event on a content entry in content-workflow-service (e.g. {@code draft.submit}). */
@ApplicationScoped
public class ContentTransitionExecutor implements NodeExecutor {

    private final ContentEntries entries;

    public ContentTransitionExecutor(ContentEntries entries) {
        this.entries = entries;
    }

    @Override
    public String type() {
        return "contentTransition";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String contentType = context.text("contentType", null);
        String entryId = context.template("entryId");
        String event = context.text("event", null);
        String message = context.has("message") ? context.template("message") : null;
        return new NodeResult.Call(java.time.Duration.ofSeconds(10),
                call -> entries.invoke(call.tenant(), contentType, entryId, event, message).map(entry -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("entryId", entryId);
                    Object internal = entry == null ? null : entry.get("internal");
                    data.put("state", internal instanceof Map<?, ?> map ? map.get("workflowState") : null);
                    return new NodeResult.Completed("next", data);
                }));
    }
}
