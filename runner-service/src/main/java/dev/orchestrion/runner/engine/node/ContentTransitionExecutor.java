package dev.orchestrion.runner.engine.node;

import java.time.Duration;

import dev.orchestrion.runner.engine.call.CallRequest;

/** Invokes a workflow event on a content entry in content-workflow-service (e.g. {@code draft.submit}). */
public class ContentTransitionExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "contentTransition";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.CALL;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String contentType = context.text("contentType", null);
        String entryId = context.template("entryId");
        String event = context.text("event", null);
        String message = context.has("message") ? context.template("message") : null;
        return new NodeResult.Call(Duration.ofSeconds(10),
                new CallRequest.ContentTransition(contentType, entryId, event, message));
    }
}
