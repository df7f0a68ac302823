package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.PROBLEM;
import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static dev.orchestrion.cases.testing.ParameterDeclarations.optional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.cases.testing.FakeDefinitionService;

/**
 * One tenant whose definitions make definition-service stall cannot pause other tenants' calls to it (issue 11,
 * section 3): the circuit breaker is kept per tenant. A malformed definition id never reaches definition-service.
 */
@QuarkusTest
class PeerIsolationTest {

    @Test
    void aTenantWhoseDefinitionStallsThePeerPausesOnlyItsOwnCalls() {
        String slow = newTenant("slow");
        String other = newTenant("other");
        UUID stalling = FakeDefinitionService.started(slow, List.of(optional("x", "string")));
        FakeDefinitionService.respondSlowly(slow, stalling, Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            post(slow, stalling).then().statusCode(503).contentType(PROBLEM);
        }
        UUID healthyOfSlow = FakeDefinitionService.started(slow, List.of(optional("x", "string")));
        post(slow, healthyOfSlow).then().statusCode(503).body("detail", containsString("unavailable"));
        assertThat(FakeDefinitionService.schemaRequests(healthyOfSlow)).as("its circuit is open").isZero();

        UUID healthy = FakeDefinitionService.started(other, List.of(optional("x", "string")));
        post(other, healthy).then().statusCode(201);
    }

    @Test
    void aMalformedDefinitionIdNeverReachesDefinitionService() {
        String tenant = newTenant("malformed");
        for (String malformed : List.of("\\ud800", "../x", "1-1-1-1-1", "")) {
            as(tenant).contentType(ContentType.JSON)
                    .body("{\"workflowDefinitionId\":\"" + malformed + "\",\"parameters\":{}}").when()
                    .post("/parameters").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("workflowDefinitionId"));
        }
    }

    private static io.restassured.response.Response post(String tenant, UUID definition) {
        return as(tenant).contentType(ContentType.JSON)
                .body("{\"workflowDefinitionId\":\"" + definition + "\",\"parameters\":{\"x\":\"a\"}}").when()
                .post("/parameters");
    }
}
