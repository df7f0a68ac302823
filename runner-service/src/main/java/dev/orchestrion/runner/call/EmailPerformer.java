package dev.orchestrion.runner.call;

import java.util.LinkedHashMap;
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
import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.call.CallRequest;
import dev.orchestrion.support.outbound.OutboundTargets;

/**
 * Sends a sendEmail node's message through its SMTP connection (host, port, credentials and sender for the run's
 * environment), to the address the outbound guard allows for the host at send time.
 */
@ApplicationScoped
public class EmailPerformer implements CallPerformer<CallRequest.Email> {

    private final Vertx vertx;
    private final DefinitionCatalog catalog;
    private final OutboundTargets targets;
    private final Map<String, MailClient> clients = new ConcurrentHashMap<>();

    public EmailPerformer(Vertx vertx, DefinitionCatalog catalog, OutboundTargets targets) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.targets = targets;
    }

    @Override
    public Class<CallRequest.Email> handles() {
        return CallRequest.Email.class;
    }

    @Override
    public Uni<CallOutcome> perform(CallRequest.Email email, CallContext context) {
        return catalog.connection(context.tenant(), email.connectionId(), context.environment())
                .chain(connection -> send(email.connectionId() + "/" + context.environment(), connection, email));
    }

    private Uni<CallOutcome> send(String key, JsonNode connection, CallRequest.Email email) {
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
            MailMessage message = new MailMessage().setFrom(smtp.path("from").asText()).setTo(email.to())
                    .setSubject(email.subject());
            if (email.html()) {
                message.setHtml(email.body());
            } else {
                message.setText(email.body());
            }
            return client.sendMail(message);
        }).map(result -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("messageId", result.getMessageID());
            data.put("to", email.to());
            return new CallOutcome.Completed("next", data);
        });
    }

    @PreDestroy
    void close() {
        clients.values().forEach(MailClient::closeAndForget);
    }
}
