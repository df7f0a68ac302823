package dev.orchestrion.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What every service offers operators and clients alike, checked the same way for each: liveness, readiness that
 * names the checks of its real connections, OpenAPI and Swagger UI, Prometheus metrics, all without a token; and
 * problem+json for unknown routes and unsupported methods. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class PlatformEndpointsContract {

    /** The readiness checks the service must report, e.g. its database and Kafka. */
    protected abstract List<String> readinessChecks();

    /** A path the OpenAPI document must describe. */
    protected abstract String documentedPath();

    /** An existing collection path that does not support DELETE. */
    protected abstract String pathWithoutDelete();

    @Test
    void livenessAndReadinessAreUpAndNameTheRealConnections() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")).body("checks.name",
                hasItems(readinessChecks().toArray(String[]::new)));
    }

    @Test
    void servesOpenApiSwaggerUiAndMetricsWithoutAToken() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString(documentedPath()));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerProblemJson() {
        given().auth().oauth2(TestTokens.token("acme", "admin")).when().get("/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.token("acme", "admin")).when().delete(pathWithoutDelete()).then()
                .statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
    }
}
