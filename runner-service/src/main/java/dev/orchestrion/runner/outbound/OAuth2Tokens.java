package dev.orchestrion.runner.outbound;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

import dev.orchestrion.support.outbound.OutboundTargets;
import dev.orchestrion.support.outbound.RefusedTarget;

/**
 * OAuth2 client-credentials tokens for connections, fetched from the connection's token URL (through the outbound
 * guard, like every outbound call: the client secret goes only to an allowed address, and a redirect is not
 * followed) and reused until expiry.
 */
@ApplicationScoped
public class OAuth2Tokens {

    private static final long TIMEOUT_MS = 10_000;
    private static final long DEFAULT_LIFETIME_SECONDS = 300;

    private final GuardedWebClient client;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public OAuth2Tokens(Vertx vertx, OutboundTargets targets) {
        this.client = new GuardedWebClient(vertx, targets,
                new WebClientOptions().setMaxPoolSize(20).setUserAgent("Orchestrion-Runner"));
    }

    private record Token(String value, Instant expiresAt) {
    }

    public Uni<String> token(String connectionId, JsonNode auth) {
        String key = connectionId + "/" + auth.path("clientId").asText();
        Token known = tokens.get(key);
        if (known != null && Instant.now().isBefore(known.expiresAt())) {
            return Uni.createFrom().item(known.value());
        }
        URI tokenUrl;
        try {
            tokenUrl = URI.create(auth.path("tokenUrl").asText());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new RefusedTarget("The OAuth2 token URL is not a URL"));
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
                .add("client_id", auth.path("clientId").asText())
                .add("client_secret", auth.path("clientSecret").asText());
        if (auth.hasNonNull("scope")) {
            form.add("scope", auth.path("scope").asText());
        }
        return client.request(HttpMethod.POST, tokenUrl).chain(request -> request.timeout(TIMEOUT_MS).sendForm(form))
                .map(response -> {
                    Token token = token(response);
                    tokens.put(key, token);
                    return token.value();
                });
    }

    private static Token token(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status / 100 != 2) {
            String redirect = status / 100 == 3 ? " (redirects are not followed)" : "";
            throw new CallFailure("The OAuth2 token endpoint answered " + status + redirect,
                    status >= 500 ? "5xx" : status >= 400 ? "4xx" : "error", "OAUTH2_TOKEN");
        }
        JsonObject json;
        try {
            json = response.bodyAsJsonObject();
        } catch (DecodeException | ClassCastException e) {
            json = null;
        }
        Object accessToken = json == null ? null : json.getValue("access_token");
        if (!(accessToken instanceof String value) || value.isBlank()) {
            throw new CallFailure("The OAuth2 token endpoint answered " + status + " without an access_token", "error",
                    "OAUTH2_NO_ACCESS_TOKEN");
        }
        return new Token(value, Instant.now().plusSeconds(Math.max(0, lifetimeSeconds(json) - 30)));
    }

    private static long lifetimeSeconds(JsonObject json) {
        Object expiresIn = json.getValue("expires_in");
        if (expiresIn instanceof Number number) {
            return number.longValue();
        }
        if (expiresIn instanceof String text && text.matches("\\d{1,9}")) {
            return Long.parseLong(text);
        }
        return DEFAULT_LIFETIME_SECONDS;
    }
}
