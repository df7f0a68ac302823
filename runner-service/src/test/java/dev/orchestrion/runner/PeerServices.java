package dev.orchestrion.runner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for definition-service, case-service and content-workflow-service over HTTP, answering exactly as
 * docs/architecture.md ("Service-to-service calls") says they do. One WireMock server per test JVM; tests add the
 * definitions and cases they need.
 */
public class PeerServices implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        String url = server().baseUrl();
        return Map.of("quarkus.rest-client.definition-service.url", url, "quarkus.rest-client.case-service.url", url,
                "quarkus.rest-client.content-service.url", url);
    }

    @Override
    public void stop() {
        // shared by the JVM
    }

    /** Publishes an ACTIVE definition (version 1) from a JSON document such as docs/examples/*.json. */
    public static String activeDefinition(String definitionJson) {
        return definition(definitionJson, "ACTIVE", 1);
    }

    /** Publishes an ACTIVE definition whose connection names resolve to the given connection ids. */
    public static String activeDefinition(String definitionJson, Map<String, String> connections) {
        String id = UUID.randomUUID().toString();
        publish(id, definitionJson, "ACTIVE", 1, connections);
        return id;
    }

    public static String definition(String definitionJson, String status, int version) {
        String id = UUID.randomUUID().toString();
        publish(id, definitionJson, status, version, Map.of());
        return id;
    }

    public static void publish(String id, String definitionJson, String status, int version,
            Map<String, String> connections) {
        try {
            ObjectNode published = (ObjectNode) JSON.readTree(definitionJson);
            published.put("definitionId", id);
            published.put("version", version);
            published.set("connections", JSON.valueToTree(connections));
            server().stubFor(get(urlPathEqualTo("/definitions/" + id + "/versions/" + version))
                    .willReturn(okJson(published.toString())));
            ObjectNode view = JSON.createObjectNode().put("id", id).put("name", published.path("name").asText("x"))
                    .put("status", status).put("publishedVersion", version);
            server().stubFor(get(urlPathEqualTo("/definitions/" + id)).willReturn(okJson(view.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection as GET /internal/connections/{id}?environment= answers it (decrypted). */
    public static String connection(String environment, String json) {
        String id = UUID.randomUUID().toString();
        server().stubFor(get(urlPathEqualTo("/internal/connections/" + id))
                .withQueryParam("environment", com.github.tomakehurst.wiremock.client.WireMock.equalTo(environment))
                .willReturn(okJson(json.replace("$ID", id))));
        return id;
    }

    /** A case that case-service knows, returned by GET /cases/{id}. */
    public static UUID existingCase(Map<String, Object> fields) {
        UUID id = UUID.randomUUID();
        try {
            ObjectNode body = JSON.valueToTree(fields);
            body.put("id", id.toString());
            body.put("erased", false);
            server().stubFor(get(urlPathEqualTo("/cases/" + id)).willReturn(okJson(body.toString())));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    public static UUID erasedCase() {
        UUID id = UUID.randomUUID();
        server().stubFor(
                get(urlPathEqualTo("/cases/" + id)).willReturn(okJson("{\"id\":\"" + id + "\",\"erased\":true}")));
        return id;
    }

    /** A parameter set for a definition, validated against {@code version} (null: against a draft). */
    public static UUID parameterSet(String definitionId, Integer version, Map<String, Object> parameters) {
        UUID id = UUID.randomUUID();
        ObjectNode body = JSON.createObjectNode().put("id", id.toString()).put("workflowDefinitionId", definitionId);
        if (version == null) {
            body.putNull("definitionVersion");
        } else {
            body.put("definitionVersion", version);
        }
        body.set("parameters", JSON.valueToTree(parameters));
        server().stubFor(get(urlPathEqualTo("/parameters/" + id)).willReturn(okJson(body.toString())));
        return id;
    }

    public static void parameterValidation(UUID parametersId, boolean valid, String field, String message) {
        String violations = valid ? "[]" : "[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]";
        server().stubFor(post(urlPathEqualTo("/parameters/" + parametersId + "/validation"))
                .willReturn(okJson("{\"valid\":" + valid + ",\"violations\":" + violations + "}")));
    }

    public static String example(String name) {
        try {
            return Files.readString(
                    Path.of(System.getProperty("orchestrion.root", "..")).resolve("docs/examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
