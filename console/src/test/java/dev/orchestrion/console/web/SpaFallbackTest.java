package dev.orchestrion.console.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Deep links land in the SPA: page paths answer index.html (the one the web build put into the jar); the API, the
 * auth endpoints, the event stream, the framework's endpoints and missing files do not.
 */
@QuarkusTest
class SpaFallbackTest {

    @Test
    void aDeepLinkAnswersTheIndexPage() {
        String index = given().get("/").then().statusCode(200).contentType("text/html").extract().asString();

        for (String page : new String[]{"/runs/0193a4c2-7d1e-7000-8000-000000000001", "/definitions",
                "/definitions/abc/versions/"}) {
            String body = given().get(page).then().statusCode(200).contentType("text/html")
                    .header("Cache-Control", "no-cache").extract().asString();
            assertThat(body).as(page).isEqualTo(index);
        }
        assertThat(index).containsIgnoringCase("<html");
    }

    @Test
    void apiAuthEventsFrameworkAndFilePathsAreNotPages() {
        given().get("/api/runner/workflows/runs").then().statusCode(401).contentType("application/problem+json");
        given().get("/auth/me").then().statusCode(401).contentType("application/problem+json");
        given().get("/auth/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().get("/events").then().statusCode(401).contentType("application/problem+json");
        given().get("/q/health/live").then().statusCode(200).contentType("application/json").body("status",
                equalTo("UP"));
        given().get("/assets/missing-3f2a.js").then().statusCode(404).contentType("application/problem+json");
    }
}
