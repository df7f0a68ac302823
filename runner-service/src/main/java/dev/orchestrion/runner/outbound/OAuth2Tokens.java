package dev.orchestrion.runner.outbound;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

import dev.orchestrion.runner.engine.node.OutboundFailures;

/** OAuth2 client-credentials tokens for connections, fetched from the connection's token URL and reused until expiry. */
@ApplicationScoped
public class OAuth2Tokens {

    private final WebClient client;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public OAuth2Tokens(Vertx vertx) {
        this.client = WebClient.create(vertx);
    }

    private record Token(String value, Instant expiresAt) {
    }

    public Uni<String> token(String connectionId, JsonNode auth) {
        String key = connectionId + "/" + auth.path("clientId").asText();
        Token known = tokens.get(key);
        if (known != null && Instant.now().isBefore(known.expiresAt())) {
            return Uni.createFrom().item(known.value());
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
                .add("client_id", auth.path("clientId").asText())
                .add("client_secret", auth.path("clientSecret").asText());
        if (auth.hasNonNull("scope")) {
            form.add("scope", auth.path("scope").asText());
        }
        return client.postAbs(auth.path("tokenUrl").asText()).timeout(10_000).sendForm(form).map(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new OutboundFailures.NodeCallException(
                        "The OAuth2 token endpoint answered " + response.statusCode(),
                        response.statusCode() >= 500 ? "5xx" : "4xx", "OAUTH2_TOKEN");
            }
            var json = response.bodyAsJsonObject();
            String value = json.getString("access_token");
            long seconds = json.getLong("expires_in", 300L);
            tokens.put(key, new Token(value, Instant.now().plusSeconds(Math.max(0, seconds - 30))));
            return value;
        });
    }
}
