package dev.orchestrion.console.forward;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.orchestrion.console.testing.Browser;
import dev.orchestrion.console.testing.FakeServices;
import dev.orchestrion.testsupport.TestTokens;

/** {@code /api/{service}/...} forwarding (console-contract): what the service receives and what the browser gets. */
@QuarkusTest
class ApiForwardingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer services = FakeServices.server();

    @BeforeEach
    void reset() {
        services.resetAll();
    }

    @Test
    void methodPathQueryBodyAndApiHeadersReachTheServiceWithTheSessionsTokenAndNoCookies() throws Exception {
        services.stubFor(post(urlPathMatching("/runner-service/workflows/run")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", "http://127.0.0.1:" + services.port() + "/runner-service/workflows/runs/r1")
                .withHeader("ETag", "\"3\"").withHeader("Set-Cookie", "service=leak").withBody("{\"runId\":\"r1\"}")));
        Browser browser = Browser.signIn("acme", "operator", "client");

        Response answer = browser.changing().urlEncodingEnabled(false).cookie("unrelated", "browser-only")
                .header("Authorization", "Bearer something-the-browser-made-up").header("X-API-Key", "k")
                .header("Idempotency-Key", "order-7").contentType("application/json")
                .body("{\"workflowDefinitionId\":\"d1\",\"input\":{\"a\":1}}")
                .post("/api/runner/workflows/run?wait=false&tag=a%20b");

        answer.then().statusCode(202).contentType("application/json")
                .header("Location", "/api/runner/workflows/runs/r1").header("ETag", "\"3\"");
        assertThat(answer.asString()).isEqualTo("{\"runId\":\"r1\"}");
        assertThat(answer.getHeaders().getValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("service="));

        LoggedRequest received = single();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/runner-service/workflows/run?wait=false&tag=a%20b");
        assertThat(received.getBodyAsString()).isEqualTo("{\"workflowDefinitionId\":\"d1\",\"input\":{\"a\":1}}");
        assertThat(received.getHeader("Content-Type")).startsWith("application/json");
        assertThat(received.getHeader("Idempotency-Key")).isEqualTo("order-7");
        assertThat(received.containsHeader("Cookie")).as("no browser cookie reaches a service").isFalse();
        assertThat(received.containsHeader("X-API-Key")).isFalse();
        assertThat(received.containsHeader("X-CSRF-Token")).isFalse();

        String authorization = received.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ").isNotEqualTo("Bearer something-the-browser-made-up");
        JsonNode claims = verifiedClaims(authorization.substring("Bearer ".length()));
        assertThat(claims.path("tenant").asText()).isEqualTo("acme");
        assertThat(claims.path("sub").asText()).isEqualTo("tester@acme");
        assertThat(claims.path("iss").asText()).isEqualTo(TestTokens.ISSUER);
        assertThat(JSON.convertValue(claims.path("groups"), List.class)).containsExactlyInAnyOrder("operator",
                "client");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).as("a short-lived token")
                .isLessThanOrEqualTo(300);
    }

    @ParameterizedTest
    @CsvSource({"cases,/case-service", "definitions,/definition-service", "runner,/runner-service",
            "content,/content-service"})
    void eachServiceNameReachesItsService(String name, String servicePrefix) {
        services.stubFor(any(urlPathMatching(".*")).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));
        Browser browser = Browser.signIn("acme", "admin");

        browser.request().get("/api/" + name + "/things/1?page=2").then().statusCode(200);

        assertThat(single().getUrl()).isEqualTo(servicePrefix + "/things/1?page=2");
    }

    @Test
    void aServicesProblemComesBackUnchanged() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"status\":422,"
                + "\"detail\":\"The run is not waiting\",\"errors\":[{\"field\":\"signal\",\"message\":\"unknown\"}]}";
        services.stubFor(post(urlEqualTo("/runner-service/workflows/runs/r1/signals")).willReturn(
                aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json").withBody(problem)));

        Response answer = Browser.signIn("acme", "operator").changing().contentType("application/json")
                .body("{\"signal\":\"x\"}").post("/api/runner/workflows/runs/r1/signals");

        answer.then().statusCode(422).contentType("application/problem+json");
        assertThat(answer.asString()).isEqualTo(problem);
    }

    @Test
    void anExportStreamsBackWithItsHeadersAndBytes() {
        byte[] file = new byte[200_000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
        services.stubFor(get(urlEqualTo("/definition-service/definitions/d1/export"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                        .withHeader("Content-Disposition", "attachment; filename=\"d1.cn\"").withBody(file)));

        Response answer = Browser.signIn("acme", "designer").request().get("/api/definitions/definitions/d1/export");

        answer.then().statusCode(200).contentType("application/octet-stream").header("Content-Disposition",
                "attachment; filename=\"d1.cn\"");
        assertThat(answer.asByteArray()).isEqualTo(file);
    }

    @Test
    void withoutASessionNothingIsForwarded() {
        given().get("/api/runner/workflows/runs").then().statusCode(401).contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("Unauthenticated"));

        services.verify(0, anyRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedAndNothingIsForwarded() {
        Browser browser = Browser.signIn("acme", "operator");

        browser.request().contentType("application/json").body("{}").post("/api/runner/workflows/runs/r1/cancel").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("X-CSRF-Token"));
        browser.request().header("X-CSRF-Token", Browser.signIn("acme", "operator").csrfToken())
                .delete("/api/definitions/definitions/d1").then().statusCode(403);

        services.verify(0, anyRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void anUnknownServiceIsA404Problem() {
        Browser.signIn("acme", "operator").request().get("/api/billing/invoices").then().statusCode(404)
                .contentType("application/problem+json");
        Browser.signIn("acme", "operator").request().get("/api/runner/../q/metrics").then().statusCode(404);

        services.verify(0, anyRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemAndNothingIsForwarded() {
        byte[] body = new byte[64 * 1024 + 1];

        Browser.signIn("acme", "designer").changing().contentType("application/octet-stream").body(body)
                .post("/api/definitions/definitions/import").then().statusCode(413)
                .contentType("application/problem+json");

        services.verify(0, anyRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void aServiceThatCannotBeReachedOrDoesNotAnswerIsABadGatewayProblem() {
        services.stubFor(get(urlEqualTo("/case-service/cases/broken"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        services.stubFor(get(urlEqualTo("/case-service/cases/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(10_000).withBody("late")));
        Browser browser = Browser.signIn("acme", "client");

        browser.request().get("/api/cases/cases/broken").then().statusCode(502).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("cases"));
        browser.request().get("/api/cases/cases/slow").then().statusCode(504).contentType("application/problem+json");
    }

    private LoggedRequest single() {
        List<LoggedRequest> requests = services.findAll(anyRequestedFor(urlPathMatching(".*")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** The token's claims once its RS256 signature checks out against the test JVM's signing key. */
    private static JsonNode verifiedClaims(String token) throws Exception {
        String[] parts = token.split("\\.");
        String pem = TestTokens.publicKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the platform key")
                .isTrue();
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
