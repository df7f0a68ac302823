package dev.orchestrion.runner.engine.node;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.orchestrion.runner.engine.call.CallRequest;

/**
 * Sends an email through an SMTP connection: host, port, credentials and sender come from the connection (for the
 * run's environment, looked up when the mail is sent outside the engine); recipients, subject and body are
 * templates.
 */
public class SendEmailExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "sendEmail";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.CALL;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String connectionName = context.text("connection", null);
        String connectionId = connectionName == null
                ? null
                : context.graph().version().connections().get(connectionName);
        if (connectionId == null) {
            return NodeResult.failed("sendEmail needs an smtp connection; '" + connectionName + "' is not resolved",
                    "error");
        }
        List<String> to = Arrays.stream(String.valueOf(context.template("to")).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        String subject = context.template("subject");
        String body = context.template("body");
        boolean html = Boolean.TRUE.equals(context.literal("html"));
        return new NodeResult.Call(Duration.ofSeconds(30),
                new CallRequest.Email(connectionId, to, subject, body, html));
    }
}
