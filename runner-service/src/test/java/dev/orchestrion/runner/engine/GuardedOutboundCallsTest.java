package dev.orchestrion.runner.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Every outbound path of a run goes through the one outbound guard: http nodes, a connection's OAuth2 token URL and
 * SMTP; no redirect is followed. Targets are made-up names the test resolver answers (MadeUpHosts) or the loopback
 * WireMock server: refusals happen before any connection, and nothing leaves this machine.
 */
@QuarkusTest
class GuardedOutboundCallsTest {

    private final String token = TestTokens.token("acme", "client");

    @Test
    void httpNodesToIpv6FormsEmbeddingARefusedIpv4AddressAreRefused() {
        Map<String, String> embedded = Map.of("http://nat64.test/x", "64:ff9b:0:0:0:0:a00:1", "http://sixtofour.test/x",
                "2002:a9fe:a9fe:0:0:0:0:1", "http://compat.test/x", "0:0:0:0:0:0:a9fe:a9fe", "http://teredo.test/x",
                "Teredo");
        embedded.forEach((url, shown) -> {
            JsonPath run = runToEnd(httpWorkflow(url, null), Map.of());
            assertThat(run.getString("status")).as(url).isEqualTo("FAILED");
            assertThat(run.getString("error.message")).as(url).contains("are refused").contains(shown);
        });
    }

    @Test
    void anOAuth2TokenUrlThatResolvesToARefusedAddressIsNeverCalled() {
        WireMockServer wiremock = PeerServices.server();
        String api = "/api-" + UUID.randomUUID();
        String connectionId = oauth2Connection(wiremock.baseUrl() + api, "http://metadata.test/oauth/token");

        JsonPath run = runToEnd(httpWorkflow("/orders", "crm"), Map.of("crm", connectionId));
        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error.message")).contains("metadata.test (169.254.169.254) are refused")
                .contains("link-local");
        wiremock.verify(0, anyRequestedFor(urlPathMatching(api + ".*")));
    }

    @Test
    void anOAuth2TokenEndpointsRedirectIsNotFollowed() {
        WireMockServer wiremock = PeerServices.server();
        String base = "/oauth-" + UUID.randomUUID();
        // One redirect to another loopback path (following it would be seen there), one to a refused address.
        wiremock.stubFor(post(urlPathEqualTo(base + "/token")).willReturn(
                aResponse().withStatus(303).withHeader("Location", wiremock.baseUrl() + base + "/followed")));
        wiremock.stubFor(post(urlPathEqualTo(base + "/token-to-metadata")).willReturn(
                aResponse().withStatus(307).withHeader("Location", "http://metadata.test/latest/meta-data")));
        for (String tokenPath : List.of("/token", "/token-to-metadata")) {
            String connectionId = oauth2Connection(wiremock.baseUrl() + base + "/api",
                    wiremock.baseUrl() + base + tokenPath);
            JsonPath run = runToEnd(httpWorkflow("/orders", "crm"), Map.of("crm", connectionId));
            assertThat(run.getString("status")).isEqualTo("FAILED");
            assertThat(run.getString("error.message")).contains("The OAuth2 token endpoint answered 30")
                    .contains("redirects are not followed");
        }
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(base + "/token")));
        wiremock.verify(0, anyRequestedFor(urlPathEqualTo(base + "/followed")));
        wiremock.verify(0, anyRequestedFor(urlPathMatching(base + "/api.*")));
    }

    @Test
    void anOAuth2AnswerWithoutAnAccessTokenFailsTheNodeAndNothingIsSentWithoutIt() {
        WireMockServer wiremock = PeerServices.server();
        String base = "/oauth-" + UUID.randomUUID();
        wiremock.stubFor(post(urlPathEqualTo(base + "/token")).withRequestBody(containing("client_secret=s3cret"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        wiremock.stubFor(post(urlPathMatching(base + "/api/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        String connectionId = oauth2Connection(wiremock.baseUrl() + base + "/api",
                wiremock.baseUrl() + base + "/token");

        JsonPath run = runToEnd(httpWorkflow("/orders", "crm"), Map.of("crm", connectionId));
        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error.message")).contains("without an access_token");
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(base + "/token")));
        wiremock.verify(0, anyRequestedFor(urlPathMatching(base + "/api.*")));
        wiremock.verify(0, anyRequestedFor(urlPathMatching(".*")).withHeader("Authorization", equalTo("Bearer null")));
    }

    @Test
    void anOAuth2TokenFromAnAllowedEndpointAuthenticatesTheCall() {
        WireMockServer wiremock = PeerServices.server();
        String base = "/oauth-" + UUID.randomUUID();
        wiremock.stubFor(post(urlPathEqualTo(base + "/token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"t0ken\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}")));
        wiremock.stubFor(post(urlPathEqualTo(base + "/api/orders")).withHeader("Authorization", equalTo("Bearer t0ken"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true}")));
        String connectionId = oauth2Connection(wiremock.baseUrl() + base + "/api",
                wiremock.baseUrl() + base + "/token");

        JsonPath run = runToEnd(httpWorkflow("/orders", "crm"), Map.of("crm", connectionId));
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void anSmtpHostThatResolvesToARefusedAddressIsNeverConnectedTo() {
        String connectionId = PeerServices.connection("production", """
                {"id":"$ID","name":"mailer","kind":"smtp","smtp":{"host":"nat64.test","port":25,
                 "from":"workflows@orchestrion.dev"}}
                """);
        String definition = """
                {"name":"Mail","nodes":[{"id":"start","type":"start"},
                 {"id":"mail","type":"sendEmail","retry":{"maxAttempts":1},"properties":{"connection":"mailer",
                  "to":"ada@example.com","subject":"Hi","body":"Hello"}},
                 {"id":"end","type":"end"}],
                 "executionConnectors":[{"from":"start","output":"next","to":"mail"},{"from":"mail","output":"next","to":"end"}]}
                """;
        JsonPath run = runToEnd(definition, Map.of("mailer", connectionId));
        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error.message")).contains("nat64.test (64:ff9b:0:0:0:0:a00:1) are refused")
                .contains("embedding 10.0.0.1");
    }

    private JsonPath runToEnd(String definition, Map<String, String> connections) {
        String definitionId = PeerServices.activeDefinition(definition, connections);
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
        return Runs.awaitEnd(token, runId);
    }

    private static String oauth2Connection(String endpoint, String tokenUrl) {
        return PeerServices.connection("production", """
                {"id":"$ID","name":"crm","kind":"http","endpoint":"%s",
                 "auth":{"kind":"oauth2","tokenUrl":"%s","clientId":"orchestrion","clientSecret":"s3cret"}}
                """.formatted(endpoint, tokenUrl));
    }

    private static String httpWorkflow(String url, String connection) {
        String via = connection == null ? "" : "\"connection\":\"" + connection + "\",";
        return """
                {"name":"Call","nodes":[{"id":"start","type":"start"},
                 {"id":"call","type":"http","retry":{"maxAttempts":1},"properties":{%s"method":"POST","url":"%s"}},
                 {"id":"end","type":"end","properties":{"result":{"status":"nodes.call.status"}}}],
                 "executionConnectors":[{"from":"start","output":"next","to":"call"},{"from":"call","output":"next","to":"end"}]}
                """
                .formatted(via, url);
    }
}
