package dev.orchestrion.runner.engine.node;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;

import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.support.outbound.OutboundTargets;

/**
 * Sends an email through an SMTP connection: host, port, credentials and sender come from the connection (for the
 * run's environment); recipients, subject and body are templates.
 */
@ApplicationScoped
public class SendEmailExecutor implements NodeExecutor {

    private final Vertx vertx;
    private final DefinitionCatalog catalog;
    private final OutboundTargets targets;
    private final Map<String, MailClient> clients = new ConcurrentHashMap<>();

    public SendEmailExecutor(Vertx vertx, DefinitionCatalog catalog, OutboundTargets targets) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.targets = targets;
    }

    @Override
    public String type() {
        return "sendEmail";
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
        return new NodeResult.Call(java.time.Duration.ofSeconds(30),
                call -> catalog.connection(call.tenant(), connectionId, call.environment())
                        .chain(connection -> send(connectionId + "/" + call.environment(), connection, to, subject,
                                body, html)));
    }

    private Uni<NodeResult> send(String key, JsonNode connection, List<String> to, String subject, String body,
            boolean html) {
        JsonNode smtp = connection.path("smtp");
        String host = smtp.path("host").asText();
        int port = smtp.path("port").asInt(25);
        return targets.checkHost(host).chain(address -> {
            // One client per checked address: the mail goes to the address the guard allowed just now.
            String pinned = key + "@" + address.getHostAddress() + ":" + port;
            MailClient client = clients.computeIfAbsent(pinned,
                    k -> MailClient.create(vertx,
                            new MailConfig().setHostname(address.getHostAddress()).setPort(port)
                                    .setUsername(smtp.hasNonNull("username") ? smtp.path("username").asText() : null)
                                    .setPassword(smtp.hasNonNull("password") ? smtp.path("password").asText() : null)
                                    .setStarttls(smtp.path("startTls").asBoolean(false)
                                            ? StartTLSOptions.REQUIRED
                                            : StartTLSOptions.OPTIONAL)));
            MailMessage message = new MailMessage().setFrom(smtp.path("from").asText()).setTo(to).setSubject(subject);
            if (html) {
                message.setHtml(body);
            } else {
                message.setText(body);
            }
            return client.sendMail(message);
        }).map(result -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("messageId", result.getMessageID());
            data.put("to", to);
            return new NodeResult.Completed("next", data);
        });
    }

    @PreDestroy
    void close() {
        clients.values().forEach(MailClient::closeAndForget);
    }
}
