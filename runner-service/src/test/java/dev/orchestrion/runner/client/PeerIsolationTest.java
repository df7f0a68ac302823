package dev.orchestrion.runner.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.testsupport.TestTokens;

/**
 * No tenant can make the runner fail another tenant's requests (issue 11, section 3): a caller's malformed input never
 * reaches a peer, a peer's 4xx answer is an answer and not a failure, and the circuit breaker to a peer is kept per
 * tenant, so a tenant whose data makes the peer fail pauses only its own calls. Two tenants, against the stub peers.
 */
@QuarkusTest
class PeerIsolationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aCallersMalformedIdNeverCountsAsAPeerFailure() {
        String attacker = tenant("attacker");
        String victim = tenant("victim");
        UUID caseId = PeerServices.existingCase(Map.of());
        List<Integer> attackerStatuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attackerStatuses.add(
                    run(attacker, "{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\"\\ud800\"}").statusCode());
        }

        runReferenceWorkflow(victim, caseId).then().statusCode(200);
        runReferenceWorkflow(attacker, caseId).then().statusCode(200);
        assertThat(attackerStatuses).containsOnly(400);
        run(attacker, "{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\"\\ud800\"}").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("workflowDefinitionId"));
    }

    @Test
    void aPeersRefusalIsAnAnswerThatIsNeitherRetriedNorCounted() {
        String tenant = tenant("refused");
        UUID caseId = PeerServices.existingCase(Map.of());
        List<Integer> statuses = new ArrayList<>();
        String refused = null;
        for (int i = 0; i < 10; i++) {
            refused = UUID.randomUUID().toString();
            PeerServices.server()
                    .stubFor(get(urlPathEqualTo("/definitions/" + refused))
                            .willReturn(aResponse().withStatus(400).withHeader("Content-Type", PROBLEM).withBody(
                                    "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"refused\"}")));
            statuses.add(runDefinition(tenant, caseId, refused).statusCode());
        }

        runReferenceWorkflow(tenant, caseId).then().statusCode(200);
        assertThat(statuses).as("a 4xx answer is not 'definition-service is unavailable'").containsOnly(422);
        PeerServices.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/definitions/" + refused)));
    }

    @Test
    void aTenantWhoseDataBreaksThePeerPausesOnlyItsOwnCalls() {
        String noisy = tenant("noisy");
        String quiet = tenant("quiet");
        UUID caseId = PeerServices.existingCase(Map.of());
        for (int i = 0; i < 10; i++) {
            String broken = UUID.randomUUID().toString();
            PeerServices.server()
                    .stubFor(get(urlPathEqualTo("/definitions/" + broken)).willReturn(aResponse().withStatus(500)));
            runDefinition(noisy, caseId, broken).then().statusCode(503).contentType(PROBLEM);
        }
        String good = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        runDefinition(noisy, caseId, good).then().statusCode(503).contentType(PROBLEM).body("detail",
                containsString("paused"));
        PeerServices.server().verify(exactly(0), getRequestedFor(urlPathEqualTo("/definitions/" + good)));

        runReferenceWorkflow(quiet, caseId).then().statusCode(200);
    }

    private static Response runReferenceWorkflow(String tenant, UUID caseId) {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 5));
        return run(tenant, "{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\"" + definitionId
                + "\",\"parametersId\":\"" + parametersId + "\"}");
    }

    private static Response runDefinition(String tenant, UUID caseId, String definitionId) {
        return run(tenant, "{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\"" + definitionId + "\"}");
    }

    private static Response run(String tenant, String body) {
        return given().auth().oauth2(TestTokens.token(tenant, "client")).contentType(ContentType.JSON).body(body).when()
                .post("/workflows/run");
    }

    private static String tenant(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
