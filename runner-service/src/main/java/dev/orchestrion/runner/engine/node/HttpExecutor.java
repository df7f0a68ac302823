package dev.orchestrion.runner.engine.node;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.runner.engine.call.CallRequest;

/**
 * Calls an HTTP endpoint, through a connection (its endpoint prefixes a relative URL, its credentials for the run's
 * environment authenticate) or directly. The executor renders the request; the call itself is made outside the
 * engine (runner's {@code call.HttpPerformer}). The response's status, headers and body become the node's output;
 * a status outside {@code successStatus} fails the attempt as {@code 4xx} or {@code 5xx} for the retry policy.
 */
public class HttpExecutor implements NodeExecutor {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String type() {
        return "http";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.CALL;
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
        return new NodeResult.Call(timeout,
                new CallRequest.HttpRequest(method, url, headers, query, body, success, connectionId, timeout));
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
