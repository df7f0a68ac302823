package dev.orchestrion.runner.client;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.support.security.ServiceTokens;

/** Content entries as the runner moves them (the contentTransition node), with a service token for the tenant. */
@ApplicationScoped
public class ContentEntries {

    private final ContentServiceApi client;
    private final ServiceTokens tokens;

    public ContentEntries(@RestClient ContentServiceApi client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** Invokes {@code event} ({@code state.event}) on an entry; failures stay raw for the node's retry policy. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<Map<String, Object>> invoke(String tenant, String contentType, String entryId, String event,
            String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        Map<String, Object> data = new LinkedHashMap<>();
        if (message != null) {
            data.put("message", message);
        }
        body.put("data", data);
        return client.invoke(tokens.authorizationFor(tenant), contentType, entryId, body);
    }
}
