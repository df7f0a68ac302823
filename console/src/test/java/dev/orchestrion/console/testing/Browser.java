package dev.orchestrion.console.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser signed in to the console through a one-time code, as a developer is by the link {@code ./orchestrion up}
 * prints: its cookies, and the CSRF token {@code /auth/me} told it.
 */
public record Browser(Map<String, String> cookies, String csrfToken) {

    public static Browser signIn(String tenant, String... roles) {
        Response signIn = given().redirects().follow(false).queryParam("code", LocalSignInCodes.issue(tenant, roles))
                .get("/auth/local");
        if (signIn.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + signIn.statusCode() + ": " + signIn.asString());
        }
        Map<String, String> cookies = new HashMap<>(signIn.cookies());
        String csrf = given().cookies(cookies).get("/auth/me").then().statusCode(200).extract().path("csrfToken");
        return new Browser(cookies, csrf);
    }

    /** A request with this browser's cookies (no CSRF header). */
    public RequestSpecification request() {
        return given().cookies(cookies);
    }

    /** A request with this browser's cookies and its CSRF header, as the SPA sends every non-GET request. */
    public RequestSpecification changing() {
        return request().header("X-CSRF-Token", csrfToken);
    }
}
