package dev.orchestrion.runner.engine.node;

/** Ends the run FAILED with its message, on purpose. */
public class FailExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "fail";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PURE;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String message = context.template("message");
        return new NodeResult.RunFailed(message == null || message.isBlank() ? "The workflow failed" : message,
                context.text("code", null));
    }
}
