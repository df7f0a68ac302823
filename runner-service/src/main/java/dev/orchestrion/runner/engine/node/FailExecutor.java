package dev.orchestrion.runner.engine.node;

import jakarta.enterprise.context.ApplicationScoped;

/** Ends the run FAILED with its message, on purpose. */
@ApplicationScoped
public class FailExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "fail";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String message = context.template("message");
        return new NodeResult.RunFailed(message == null || message.isBlank() ? "The workflow failed" : message,
                context.text("code", null));
    }
}
