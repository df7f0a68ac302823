package dev.orchestrion.runner.call;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.call.CallRequest;
import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.outbound.CallFailure;
import dev.orchestrion.runner.outbound.GuardedWebClient;
import dev.orchestrion.runner.outbound.OAuth2Tokens;
import dev.orchestrion.support.outbound.OutboundTargets;

/**
 * Sends an http node's request: the connection's credentials for the run's environment (fetched now, never
 * cached), its endpoint before a relative URL, the outbound guard on the target, the attempt's idempotency key. The
 * status, headers and body become the node's output; a status outside the node's {@code successStatus} fails the
 * attempt as {@code 4xx} or {@code 5xx}.
 */
@ApplicationScoped
public class HttpPerformer implements CallPerformer<CallRequest.HttpRequest> {

    private static final int MAX_BODY = 5 * 1024 * 1024;

    private final GuardedWebClient client;
    private final DefinitionCatalog catalog;
    private final OAuth2Tokens oauth2;

    public HttpPerformer(Vertx vertx, DefinitionCatalog catalog, OutboundTargets targets, OAuth2Tokens oauth2) {
        this.client = new GuardedWebClient(vertx, targets,
                new WebClientOptions().setMaxPoolSize(50).setUserAgent("Orchestrion-Runner"));
        this.catalog = catalog;
        this.oauth2 = oauth2;
    }

    @Override
    public Class<CallRequest.HttpRequest> handles() {
        return CallRequest.HttpRequest.class;
    }

    @Override
    public Uni<CallOutcome> perform(CallRequest.HttpRequest request, CallContext context) {
        return credentials(context, request.connectionId()).chain(connection -> send(context, connection, request));
    }

    private Uni<JsonNode> credentials(CallContext context, String connectionId) {
        return connectionId == null
                ? Uni.createFrom().nullItem()
                : catalog.connection(context.tenant(), connectionId, context.environment());
    }

    private Uni<CallOutcome> send(CallContext context, JsonNode connection, CallRequest.HttpRequest call) {
        URI target = target(connection, call.url());
        return client.request(HttpMethod.valueOf(call.method()), target)
                .chain(request -> authenticate(connection).chain(auth -> {
                    request.timeout(call.timeout().toMillis());
                    call.headers().forEach(request::putHeader);
                    call.query().forEach(request::addQueryParam);
                    auth.forEach(request::putHeader);
                    request.putHeader("Idempotency-Key", context.idempotencyKey());
                    if (call.body() == null) {
                        return request.send();
                    }
                    request.putHeader("Content-Type", "application/json");
                    return request.sendBuffer(Buffer.buffer(Json.write(call.body())));
                })).map(response -> toOutcome(response, call.successStatus()));
    }

    private Uni<Map<String, String>> authenticate(JsonNode connection) {
        if (connection == null) {
            return Uni.createFrom().item(Map.of());
        }
        JsonNode auth = connection.path("auth");
        String kind = auth.path("kind").asText("none");
        return switch (kind) {
            case "basic" -> Uni.createFrom()
                    .item(Map.of("Authorization",
                            "Basic " + java.util.Base64.getEncoder().encodeToString(
                                    (auth.path("username").asText() + ":" + auth.path("password").asText())
                                            .getBytes(StandardCharsets.UTF_8))));
            case "bearer" -> Uni.createFrom().item(Map.of("Authorization", "Bearer " + auth.path("token").asText()));
            case "apiKey" -> Uni.createFrom()
                    .item(Map.of(auth.path("headerName").asText("X-API-Key"), auth.path("apiKey").asText()));
            case "oauth2" -> oauth2.token(connection.path("id").asText(), auth)
                    .map(token -> Map.of("Authorization", "Bearer " + token));
            default -> Uni.createFrom().item(Map.of());
        };
    }

    static URI target(JsonNode connection, String url) {
        if (url == null || url.isBlank()) {
            throw new CallFailure("The http node has no url", "error", "NO_URL");
        }
        if (connection != null && !url.startsWith("http://") && !url.startsWith("https://")) {
            String endpoint = connection.path("endpoint").asText();
            String joined = endpoint.endsWith("/") && url.startsWith("/")
                    ? endpoint + url.substring(1)
                    : !endpoint.endsWith("/") && !url.startsWith("/") ? endpoint + "/" + url : endpoint + url;
            return URI.create(joined);
        }
        return URI.create(url);
    }

    private static CallOutcome toOutcome(HttpResponse<Buffer> response, List<String> success) {
        int status = response.statusCode();
        Map<String, Object> headers = new LinkedHashMap<>();
        MultiMap all = response.headers();
        for (String name : all.names()) {
            headers.put(name.toLowerCase(), all.get(name));
        }
        Object body = body(response);
        if (!matches(status, success)) {
            throw new CallFailure("The endpoint answered " + status,
                    status >= 500 ? "5xx" : status >= 400 ? "4xx" : "error", "HTTP_" + status);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status);
        data.put("headers", headers);
        data.put("body", body);
        return new CallOutcome.Completed("next", data);
    }

    private static Object body(HttpResponse<Buffer> response) {
        Buffer buffer = response.body();
        if (buffer == null || buffer.length() == 0) {
            return null;
        }
        if (buffer.length() > MAX_BODY) {
            throw new CallFailure("The response body is larger than 5 MiB", "error", "BODY_TOO_LARGE");
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        String type = response.getHeader("Content-Type");
        if (type != null && type.contains("json")) {
            try {
                return Json.MAPPER.readValue(text, Object.class);
            } catch (java.io.IOException e) {
                return text;
            }
        }
        return text;
    }

    static boolean matches(int status, List<String> success) {
        for (String expected : success) {
            String trimmed = expected.trim();
            if (trimmed.length() == 3 && trimmed.endsWith("xx")) {
                if (status / 100 == trimmed.charAt(0) - '0') {
                    return true;
                }
            } else if (trimmed.equals(String.valueOf(status))) {
                return true;
            }
        }
        return false;
    }
}
