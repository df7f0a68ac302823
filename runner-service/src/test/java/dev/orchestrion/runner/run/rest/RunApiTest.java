package dev.orchestrion.runner.run.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.testsupport.TestTokens;

/** The client API of runs, against real Kafka and PostgreSQL, with peers following their contract. */
@QuarkusTest
class RunApiTest {

    private static final String PROBLEM = "application/problem+json";
    private final String token = TestTokens.token("acme", "client");

    @Test
    void runsTheReferenceWorkflowToItsResultAndTimeline() {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of("firstName", "Ada"));
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 75));

        String runId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", parametersId))
                .when().post("/workflows/run").then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("caseId", equalTo(caseId.toString())).body("id", notNullValue()).extract().path("id");

        given().auth().oauth2(token).when().get("/workflows/{id}?wait=20s", runId).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("workflowDefinitionId", equalTo(definitionId))
                .body("version", equalTo(1)).body("startedAt", notNullValue()).body("endedAt", notNullValue());
        given().auth().oauth2(token).when().get("/workflows/{id}/result", runId).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("result.doubled", equalTo(150.0f))
                .body("result.size", equalTo("large"));
        List<String> nodes = given().auth().oauth2(token).when().get("/workflows/{id}/steps", runId).then()
                .statusCode(200).extract().path("items.nodeId");
        assertThat(nodes).containsExactly("start", "double", "isLarge", "large", "end");
    }

    @Test
    void refusesWhatCannotRun() {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        String paused = PeerServices.definition(PeerServices.example("reference-workflow.json"), "PAUSED", 1);
        UUID otherDefinitionsSet = PeerServices.parameterSet(UUID.randomUUID().toString(), 1, Map.of("amount", 1));

        request(Map.of("caseId", caseId, "workflowDefinitionId", UUID.randomUUID().toString())).then().statusCode(404)
                .contentType(PROBLEM);
        request(Map.of("caseId", caseId, "workflowDefinitionId", paused)).then().statusCode(409).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("PAUSED"));
        request(Map.of("caseId", UUID.randomUUID(), "workflowDefinitionId", definitionId)).then().statusCode(404)
                .contentType(PROBLEM);
        request(Map.of("caseId", PeerServices.erasedCase(), "workflowDefinitionId", definitionId)).then()
                .statusCode(409).contentType(PROBLEM);
        request(Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", UUID.randomUUID()))
                .then().statusCode(404).contentType(PROBLEM);
        request(Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", otherDefinitionsSet))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("parametersId"));
        request(Map.of("caseId", caseId, "workflowDefinitionId", definitionId)).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("parameters.amount"));
    }

    @Test
    void checksAParameterSetMadeForAnotherVersion() {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID draftSet = PeerServices.parameterSet(definitionId, null, Map.of("amount", "lots"));
        PeerServices.parameterValidation(draftSet, false, "amount", "must be a number");
        request(Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", draftSet)).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("parameters.amount"))
                .body("errors[0].message", equalTo("must be a number"));
    }

    @Test
    void badBodiesAreClientErrors() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"caseId\":").when().post("/workflows/run")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"caseId\":\"not-a-uuid\",\"workflowDefinitionId\":\"x\"}").when().post("/workflows/run").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("caseId"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when().post("/workflows/run").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("caseId"))
                .body("errors.field", hasItem("workflowDefinitionId"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("caseId", UUID.randomUUID(), "workflowDefinitionId", "x", "environment", "staging")).when()
                .post("/workflows/run").then().statusCode(400).body("errors.field", hasItem("environment"));
        given().contentType(ContentType.JSON).body("{}").when().post("/workflows/run").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("acme", "content-editor")).contentType(ContentType.JSON).body("{}")
                .when().post("/workflows/run").then().statusCode(403);
    }

    @Test
    void anIdempotencyKeyReturnsTheSameRunEvenUnderConcurrency() throws Exception {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 1));
        Map<String, Object> body = Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId",
                parametersId);
        String key = UUID.randomUUID().toString();

        var pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                        .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when()
                        .post("/workflows/run").then().statusCode(200).extract().<String>path("id"), pool));
            }
            List<String> ids = answers.stream().map(CompletableFuture::join).distinct().toList();
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "workflowDefinitionId", definitionId)).when().post("/workflows/run")
                .then().statusCode(422).contentType(PROBLEM);
        int runs = given().auth().oauth2(token).when().get("/workflows?caseId={c}", caseId).then().statusCode(200)
                .extract().path("total");
        assertThat(runs).isEqualTo(1);
    }

    @Test
    void aCallbackUrlTheOutboundGuardWouldRefuseIsRefusedAndNoRunIsStored() {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 1));
        // made-up names the test resolver answers (see MadeUpHosts); nothing is looked up or connected to
        for (String callbackUrl : List.of("http://[::ffff:10.0.0.1]/cb", "http://internal.test/cb",
                "https://metadata.test/latest/meta-data", "http://nat64.test/cb", "http://sixtofour.test/cb",
                "http://[64:ff9b::a9fe:a9fe]/cb", "http://0.0.0.0:8080/cb")) {
            request(Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", parametersId,
                    "callbackUrl", callbackUrl)).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("callbackUrl"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("are refused"));
        }
        int runs = given().auth().oauth2(token).when().get("/workflows?caseId={c}", caseId).then().statusCode(200)
                .extract().path("total");
        assertThat(runs).isZero();
        // a name that does not resolve yet is accepted: it is checked again when the callback is sent
        request(Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", parametersId,
                "callbackUrl", "https://hooks.example.com/cb")).then().statusCode(200);
    }

    @Test
    void anotherTenantsRunIsNotFound() {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 3));
        String runId = request(
                Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", parametersId)).then()
                .statusCode(200).extract().path("id");
        String stranger = TestTokens.token("globex", "client");
        given().auth().oauth2(stranger).when().get("/workflows/{id}", runId).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(stranger).when().get("/workflows/{id}/steps", runId).then().statusCode(404);
        given().auth().oauth2(stranger).when().post("/workflows/{id}/cancel", runId).then().statusCode(404);
        given().auth().oauth2(token).when().get("/workflows/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aDefinitionStartedJustAfterARefusalRunsAtOnce() {
        String json = PeerServices.example("reference-workflow.json");
        String definitionId = PeerServices.definition(json, "PAUSED", 1);
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 21));
        Map<String, Object> body = Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId",
                parametersId);
        request(body).then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("PAUSED"));

        // definition-service says ACTIVE now; its event has not reached the runner (here it never does)
        PeerServices.publish(definitionId, json, "ACTIVE", 1, Map.of());
        request(body).then().statusCode(200).body("id", notNullValue());
    }

    private Response request(Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/workflows/run");
    }
}
