package dev.orchestrion.cases.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for definition-service's HTTP API exactly as docs/architecture.md ("Service-to-service calls") states the
 * calls case-service makes: {@code GET /definitions/{id}/parameter-schema} answers {@code {definitionId, status,
 * version, parameters}} (the current published version's schema, or the draft's with {@code version: null}) and
 * {@code GET /definitions/{id}/versions/{n}} a published version; an unknown definition, or another tenant's, is a
 * 404 problem; a call without a service token for a tenant is a 401. A WireMock server whose answers come from the
 * definitions a test registers here; tests can also take it down or make it slow.
 */
public class FakeDefinitionService implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCHEMA = Pattern.compile("/definitions/([^/]+)/parameter-schema");
    private static final Pattern VERSION = Pattern.compile("/definitions/([^/]+)/versions/([^/]+)");

    private record Key(String tenant, String definitionId) {
    }

    /** A definition as definition-service holds it: a draft's parameters and the published versions' parameters. */
    private static final class Definition {

        final UUID id;
        volatile List<Map<String, Object>> draftParameters;
        final Map<Integer, List<Map<String, Object>>> versions = new TreeMap<>();
        volatile Duration delay = Duration.ZERO;

        Definition(UUID id, List<Map<String, Object>> draftParameters) {
            this.id = id;
            this.draftParameters = draftParameters;
        }

        synchronized Integer publishedVersion() {
            return versions.isEmpty() ? null : ((TreeMap<Integer, ?>) versions).lastKey();
        }
    }

    private static final Map<Key, Definition> DEFINITIONS = new ConcurrentHashMap<>();
    private static int port;
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startServer();
        return Map.of("quarkus.rest-client.definition-service.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** A new never-started definition of the tenant whose draft declares {@code parameters}. */
    public static UUID draft(String tenant, List<Map<String, Object>> parameters) {
        UUID id = UUID.randomUUID();
        DEFINITIONS.put(new Key(tenant, id.toString()), new Definition(id, List.copyOf(parameters)));
        return id;
    }

    /** A new definition of the tenant, started: version 1 declares {@code parameters}. */
    public static UUID started(String tenant, List<Map<String, Object>> parameters) {
        UUID id = draft(tenant, parameters);
        publish(tenant, id, parameters);
        return id;
    }

    /** Publishes the next version of the definition, declaring {@code parameters}; answers its number. */
    public static int publish(String tenant, UUID id, List<Map<String, Object>> parameters) {
        Definition definition = DEFINITIONS.get(new Key(tenant, id.toString()));
        synchronized (definition) {
            Integer latest = definition.publishedVersion();
            int next = latest == null ? 1 : latest + 1;
            definition.versions.put(next, List.copyOf(parameters));
            definition.draftParameters = List.copyOf(parameters);
            return next;
        }
    }

    /** Makes every answer about the definition take {@code delay}. */
    public static void respondSlowly(String tenant, UUID id, Duration delay) {
        DEFINITIONS.get(new Key(tenant, id.toString())).delay = delay;
    }

    /** How many times case-service asked for the definition's current parameter schema. */
    public static int schemaRequests(UUID id) {
        return server.countRequestsMatching(
                getRequestedFor(urlPathEqualTo("/definitions/" + id + "/parameter-schema")).build()).getCount();
    }

    /** The Authorization headers of case-service's requests about the definition. */
    public static List<String> authorizations(UUID id) {
        List<String> headers = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith("/definitions/" + id + "/")) {
                headers.add(event.getRequest().getHeader("Authorization"));
            }
        }
        return headers;
    }

    /** definition-service goes away: connections are refused until {@link #startServer()}. */
    public static synchronized void stopServer() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    public static synchronized void startServer() {
        if (server != null && server.isRunning()) {
            return;
        }
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(port).extensions(new Answers()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse()));
    }

    /** Computes every answer from the registered definitions, as definition-service would. */
    private static final class Answers implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "fake-definition-service";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                return answer(event.getRequest().getMethod().getName(), event.getRequest().getUrl(),
                        event.getRequest().getHeader("Authorization"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private ResponseDefinition answer(String method, String url, String authorization) throws IOException {
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            String tenant = serviceTenant(authorization);
            if (tenant == null) {
                return problem(401, "A valid bearer token is required");
            }
            if (!method.equals("GET")) {
                return problem(405, "This resource does not support " + method);
            }
            Matcher schema = SCHEMA.matcher(path);
            if (schema.matches()) {
                Definition definition = DEFINITIONS.get(new Key(tenant, schema.group(1)));
                if (definition == null) {
                    return problem(404, "Definition " + schema.group(1) + " does not exist");
                }
                ObjectNode body = JSON.createObjectNode();
                body.put("definitionId", definition.id.toString());
                Integer version = definition.publishedVersion();
                body.put("status", version == null ? "DRAFT" : "ACTIVE");
                if (version == null) {
                    body.putNull("version");
                } else {
                    body.put("version", version);
                }
                body.set("parameters", JSON
                        .valueToTree(version == null ? definition.draftParameters : definition.versions.get(version)));
                return json(body, definition.delay);
            }
            Matcher version = VERSION.matcher(path);
            if (version.matches()) {
                Definition definition = DEFINITIONS.get(new Key(tenant, version.group(1)));
                List<Map<String, Object>> parameters = definition == null || !version.group(2).matches("\\d{1,9}")
                        ? null
                        : definition.versions.get(Integer.parseInt(version.group(2)));
                if (parameters == null) {
                    return problem(404,
                            "Version " + version.group(2) + " of definition " + version.group(1) + " does not exist");
                }
                return json(publishedVersion(definition, Integer.parseInt(version.group(2)), parameters),
                        definition.delay);
            }
            return problem(404, "No resource at " + path);
        }

        /** A published version in full (docs/node-types.md, "Published versions"). */
        private ObjectNode publishedVersion(Definition definition, int number, List<Map<String, Object>> parameters) {
            ObjectNode body = JSON.createObjectNode();
            body.put("definitionId", definition.id.toString());
            body.put("version", number);
            body.put("publishedAt", Instant.now().toString());
            body.put("publishedBy", "designer@test");
            body.put("name", "Test workflow");
            body.put("timeout", "PT1H");
            body.putNull("exclusiveGroup");
            body.set("parameters", JSON.valueToTree(parameters));
            body.set("trigger", JSON.createObjectNode().put("kind", "api"));
            ArrayNode nodes = body.putArray("nodes");
            nodes.addObject().put("id", "start").put("type", "start").put("name", "Start").putObject("properties");
            body.putArray("executionConnectors");
            body.putArray("dataConnectors");
            body.putObject("connections");
            return body;
        }

        /** The tenant of a service token, or null when the header does not carry one. */
        private static String serviceTenant(String authorization) throws IOException {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return null;
            }
            String[] parts = authorization.substring("Bearer ".length()).split("\\.");
            if (parts.length != 3) {
                return null;
            }
            JsonNode claims = JSON
                    .readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            boolean service = false;
            for (JsonNode group : claims.path("groups")) {
                service |= group.asText().equals("service");
            }
            return service && claims.hasNonNull("tenant") ? claims.get("tenant").asText() : null;
        }

        private static ResponseDefinition json(JsonNode body, Duration delay) throws IOException {
            ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body));
            if (!delay.isZero()) {
                response.withFixedDelay((int) delay.toMillis());
            }
            return response.build();
        }

        private static ResponseDefinition problem(int status, String detail) throws IOException {
            ObjectNode body = JSON.createObjectNode().put("type", "about:blank").put("title", "Error")
                    .put("status", status).put("detail", detail);
            return new ResponseDefinitionBuilder().withStatus(status)
                    .withHeader("Content-Type", "application/problem+json").withBody(JSON.writeValueAsString(body))
                    .build();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
