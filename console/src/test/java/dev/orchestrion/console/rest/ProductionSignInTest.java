package dev.orchestrion.console.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.orchestrion.console.signin.SignInCodes;
import dev.orchestrion.console.testing.FakeIdentityProvider;
import dev.orchestrion.console.testing.FakeServices;
import dev.orchestrion.console.testing.LocalSignInCodes;

/**
 * The console booted in the prod profile, as its image runs: sign-in is the identity provider's authorization-code
 * flow, the user's tenant and roles come from the token's claims and its access token is what the services get; the
 * local one-time code path is refused even though the configuration asks for it.
 */
@QuarkusTest
@TestProfile(ProductionSignInTest.Production.class)
class ProductionSignInTest {

    /** The prod profile, with local sign-in wrongly switched on: the console must refuse it anyway. */
    public static class Production implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orchestrion.console.sign-in.mode", "local", "%prod.orchestrion.console.sign-in.mode",
                    "local", "%prod.quarkus.shutdown.timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeIdentityProvider.class));
        }
    }

    @Test
    void theLocalSignInPathIsRefusedInTheProdProfile() {
        String code = LocalSignInCodes.issue("acme", "admin");

        Response refused = given().redirects().follow(false).queryParam("code", code).get("/auth/local");

        refused.then().statusCode(404).contentType("application/problem+json");
        assertThat(refused.getCookies()).isEmpty();
        assertThat(LocalSignInCodes.dir().resolve(SignInCodes.fileName(code))).as("the code was not even read")
                .exists();
        given().get("/auth/me").then().statusCode(401);
    }

    @Test
    void signInThroughTheIdentityProviderGivesASessionWithTheTokensTenantAndRoles() throws Exception {
        Map<String, String> cookies = signInThroughTheIdentityProvider("/runs/7");

        String csrf = given().cookies(cookies).get("/auth/me").then().statusCode(200)
                .body("subject", equalTo(FakeIdentityProvider.SUBJECT))
                .body("tenant", equalTo(FakeIdentityProvider.TENANT)).body("roles", equalTo(FakeIdentityProvider.ROLES))
                .extract().path("csrfToken");

        FakeServices.server().resetAll();
        FakeServices.server().stubFor(get(urlEqualTo("/runner-service/workflows/runs"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
        given().cookies(cookies).get("/api/runner/workflows/runs").then().statusCode(200);
        assertThat(FakeServices.server().findAll(anyRequestedFor(urlPathMatching(".*")))).singleElement()
                .satisfies(request -> {
                    assertThat(request.getHeader("Authorization"))
                            .isEqualTo("Bearer " + FakeIdentityProvider.accessToken());
                    assertThat(request.containsHeader("Cookie")).isFalse();
                });

        given().cookies(cookies).post("/api/runner/workflows/runs/r1/cancel").then().statusCode(403);
        Response out = given().cookies(cookies).header("X-CSRF-Token", csrf).post("/auth/logout");
        out.then().statusCode(204);
        assertThat(out.getHeaders().getValues("Set-Cookie"))
                .anyMatch(cookie -> cookie.startsWith("q_session") && (cookie.contains("Max-Age=0")
                        || cookie.contains("max-age=0") || cookie.contains("Expires=Thu, 01 Jan 1970")));
    }

    @Test
    void anAnonymousLoginIsSentToTheIdentityProvider() {
        Response login = given().redirects().follow(false).get("/auth/login");

        login.then().statusCode(302);
        assertThat(login.header("Location")).startsWith(FakeIdentityProvider.url() + "/authorize?")
                .contains("client_id=" + FakeIdentityProvider.CLIENT_ID).contains("response_type=code");
    }

    /** The browser's part of the authorization-code flow; the identity provider's login page is skipped. */
    private static Map<String, String> signInThroughTheIdentityProvider(String next) throws Exception {
        Response login = given().redirects().follow(false).queryParam("next", next).get("/auth/login");
        login.then().statusCode(302);
        Map<String, String> cookies = new HashMap<>(login.getCookies());
        Map<String, String> query = query(URI.create(login.header("Location")));

        String callback = java.net.URLDecoder.decode(query.get("redirect_uri"),
                java.nio.charset.StandardCharsets.UTF_8);
        Response back = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .get(callback + "?code=any-code&state=" + query.get("state"));
        assertThat(back.statusCode()).as(back.asString()).isEqualTo(302);
        cookies.putAll(back.getCookies());

        Response restored = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .get(back.header("Location"));
        restored.then().statusCode(303).header("Location", next);
        cookies.putAll(restored.getCookies());
        cookies.entrySet().removeIf(cookie -> cookie.getValue().isEmpty());
        return cookies;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return query;
    }
}
