package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.PROBLEM;
import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static dev.orchestrion.cases.testing.ParameterDeclarations.optional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import dev.orchestrion.cases.testing.FakeDefinitionService;

/**
 * When definition-service is down or hangs, creating a parameter set answers 503 at once, with a clear message; and
 * once it is back the answers are normal again. Runs after the other classes: it opens the circuit breaker.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 2)
class DefinitionServiceOutageTest {

    @Test
    void aDownDefinitionServiceIsA503NotAHangNorA500() {
        String tenant = newTenant("outage");
        UUID definition = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
        String key = UUID.randomUUID().toString();
        String created = post(tenant, definition, key, "{\"x\":\"a\"}").path("id");

        FakeDefinitionService.stopServer();
        try {
            UUID uncached = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
            for (int i = 0; i < 4; i++) {
                long start = System.nanoTime();
                ExtractableResponse<Response> answer = post(tenant, uncached, null, "{\"x\":\"a\"}");
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith(PROBLEM);
                assertThat(answer.<String>path("detail")).contains("definition-service is unavailable");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            }
            as(tenant).contentType(ContentType.JSON).body("{\"version\":1}").when()
                    .post("/parameters/{id}/validation", created).then().statusCode(503).contentType(PROBLEM);
            // A retry of a request that already succeeded needs no schema: it answers the first result.
            assertThat(post(tenant, definition, key, "{\"x\":\"a\"}").<String>path("id")).isEqualTo(created);
            // ... and reading a stored set needs no schema either: which values are redacted was kept with it
            as(tenant).when().get("/parameters/{id}", created).then().statusCode(200).body("parameters.x",
                    equalTo("a"));
        } finally {
            FakeDefinitionService.startServer();
        }
        awaitRecovery(tenant);
    }

    @Test
    void aHangingDefinitionServiceIsA503WithinTheTimeout() {
        String tenant = newTenant("outage-slow");
        UUID definition = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
        FakeDefinitionService.respondSlowly(tenant, definition, Duration.ofSeconds(10));
        long start = System.nanoTime();
        as(tenant).contentType(ContentType.JSON).body(body(definition, "{}")).when().post("/parameters").then()
                .statusCode(503).contentType(PROBLEM).body("status", equalTo(503))
                .body("detail", containsString("definition-service is unavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        awaitRecovery(tenant);
    }

    /** The circuit closes again once definition-service answers; other tests rely on it. */
    private static void awaitRecovery(String tenant) {
        UUID healthy = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> post(tenant, healthy, null, "{}").statusCode() == 201);
    }

    private static ExtractableResponse<Response> post(String tenant, UUID definition, String key, String values) {
        var request = as(tenant).contentType(ContentType.JSON).body(body(definition, values));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/parameters").then().extract();
    }

    private static String body(UUID definition, String parameters) {
        return "{\"workflowDefinitionId\":\"" + definition + "\",\"parameters\":" + parameters + "}";
    }
}
