package dev.orchestrion.runner.engine.node;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import dev.orchestrion.runner.mapping.Json;
import dev.orchestrion.runner.outbound.GuardedWebClient;
import dev.orchestrion.runner.outbound.OAuth2Tokens;
import dev.orchestrion.support.outbound.OutboundTargets;

/**
 * Calls an HTTP endpoint, through a connection (its endpoint prefixes a relative URL, its credentials for the run's
 * environment authenticate) or directly. The response's status, headers and body become the node's output; a
 * status outside {@code successStatus} fails the attempt as {@code 4xx} or {@code 5xx} for the retry policy.
 */
@ApplicationScoped
public class HttpExecutor implements NodeExecutor {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY = 5 * 1024 * 1024;

    private final GuardedWebClient client;
    private final DefinitionCatalog catalog;
    private final OAuth2Tokens oauth2;

    public HttpExecutor(Vertx vertx, DefinitionCatalog catalog, OutboundTargets targets, OAuth2Tokens oauth2) {
        this.client = new GuardedWebClient(vertx, targets,
                new WebClientOptions().setMaxPoolSize(50).setUserAgent("Orchestrion-Runner"));
        this.catalog = catalog;
        this.oauth2 = oauth2;
    }

    @Override
    public String type() {
        return "http";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String method = context.text("method", "GET").toUpperCase();
        String url = context.template("url");
        Map<String, String> headers = renderMap(context, "headers");
        Map<String, String> query = renderMap(context, "query");
        Object body = context.has("body") ? context.expression("body") : null;
        List<String> success = successStatus(context.literal("successStatus"));
        String connectionName = context.text("connection", null);
        String connectionId = connectionName == null
                ? null
                : context.graph().version().connections().get(connectionName);
        if (connectionName != null && connectionId == null) {
            return NodeResult.failed(
                    "Connection " + connectionName + " was not resolved when the version was published", "error");
        }
        Duration timeout = context.node().timeout() == null
                ? DEFAULT_TIMEOUT
                : Duration.parse(context.node().timeout());
        context.record("method", method);
        return new NodeResult.Call(timeout, call -> credentials(call, connectionId)
                .chain(connection -> send(call, connection, method, url, headers, query, body, success, timeout)));
    }

    private Uni<JsonNode> credentials(CallContext call, String connectionId) {
        return connectionId == null
                ? Uni.createFrom().nullItem()
                : catalog.connection(call.tenant(), connectionId, call.environment());
    }

    private Uni<NodeResult> send(CallContext call, JsonNode connection, String method, String url,
            Map<String, String> headers, Map<String, String> query, Object body, List<String> success,
            Duration timeout) {
        URI target = target(connection, url);
        return client.request(HttpMethod.valueOf(method), target)
                .chain(request -> authenticate(connection).chain(auth -> {
                    request.timeout(timeout.toMillis());
                    headers.forEach(request::putHeader);
                    query.forEach(request::addQueryParam);
                    auth.forEach(request::putHeader);
                    request.putHeader("Idempotency-Key", call.idempotencyKey());
                    if (body == null) {
                        return request.send();
                    }
                    request.putHeader("Content-Type", "application/json");
                    return request.sendBuffer(Buffer.buffer(Json.write(body)));
                })).map(response -> toResult(response, success));
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
            throw new OutboundFailures.NodeCallException("The http node has no url", "error", "NO_URL");
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

    private static NodeResult toResult(HttpResponse<Buffer> response, List<String> success) {
        int status = response.statusCode();
        Map<String, Object> headers = new LinkedHashMap<>();
        MultiMap all = response.headers();
        for (String name : all.names()) {
            headers.put(name.toLowerCase(), all.get(name));
        }
        Object body = body(response);
        if (!matches(status, success)) {
            throw new OutboundFailures.NodeCallException("The endpoint answered " + status,
                    status >= 500 ? "5xx" : status >= 400 ? "4xx" : "error", "HTTP_" + status);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status);
        data.put("headers", headers);
        data.put("body", body);
        return new NodeResult.Completed("next", data);
    }

    private static Object body(HttpResponse<Buffer> response) {
        Buffer buffer = response.body();
        if (buffer == null || buffer.length() == 0) {
            return null;
        }
        if (buffer.length() > MAX_BODY) {
            throw new OutboundFailures.NodeCallException("The response body is larger than 5 MiB", "error",
                    "BODY_TOO_LARGE");
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

    private static List<String> successStatus(Object configured) {
        if (configured instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of("2xx");
    }

    private static Map<String, String> renderMap(NodeContext context, String property) {
        JsonNode raw = context.raw(property);
        Map<String, String> rendered = new LinkedHashMap<>();
        if (raw != null && raw.isObject()) {
            raw.fields().forEachRemaining(f -> rendered.put(f.getKey(), context.render(f.getValue().asText())));
        }
        if (!rendered.isEmpty()) {
            context.record(property, maskAuthorization(rendered));
        }
        return rendered;
    }

    private static Map<String, String> maskAuthorization(Map<String, String> headers) {
        Map<String, String> shown = new LinkedHashMap<>(headers);
        shown.replaceAll((name, value) -> name.equalsIgnoreCase("authorization") ? "***" : value);
        return shown;
    }
}
