package dev.orchestrion.cases.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.testsupport.TestTokens;

/** What every service offers operators: health, metrics, OpenAPI, and problem+json for unknown routes. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void healthChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")).body("checks.name",
                hasItems("Reactive PostgreSQL connections health check", "Kafka connection health check"));
    }

    @Test
    void servesOpenApiSwaggerAndMetricsWithoutAToken() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/cases/{id}"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownRoutesAnswerProblemJson() {
        given().auth().oauth2(TestTokens.token("acme", "client")).when().get("/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().when().delete("/cases").then().statusCode(405).contentType("application/problem+json");
    }
}
