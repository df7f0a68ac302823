package dev.orchestrion.runner.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.testsupport.TestTokens;

/** Each outbound node type against a real receiver: HTTP (WireMock), SMTP (GreenMail), peers per their contract. */
@QuarkusTest
class NodeTypesTest {

    private static GreenMail mail;
    private final String token = TestTokens.token("acme", "client");

    @BeforeAll
    static void startMailServer() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
    }

    @Test
    void theHttpExampleCallsItsConnectionWithCredentialsAndUpdatesTheCase() {
        var wiremock = PeerServices.server();
        String connectionId = PeerServices.connection("production", """
                {"id":"$ID","name":"credit-bureau","kind":"http","endpoint":"%s/bureau",
                 "auth":{"kind":"bearer","token":"b3arer"}}
                """.formatted(wiremock.baseUrl()));
        UUID caseId = PeerServices.existingCase(Map.of("personalNumber", "19151210-1234"));
        wiremock.stubFor(post(urlPathEqualTo("/bureau/scores")).withHeader("Authorization", equalTo("Bearer b3arer"))
                .withHeader("X-Case", equalTo(caseId.toString()))
                .withRequestBody(equalToJson("{\"personalNumber\":\"19151210-1234\",\"caseId\":\"" + caseId + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"score\":720}")));
        wiremock.stubFor(patch(urlPathEqualTo("/cases/" + caseId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + caseId + "\",\"attributes\":{\"creditScore\":720}}")));
        String definitionId = PeerServices.activeDefinition(PeerServices.example("http-update-case.json"),
                Map.of("credit-bureau", connectionId));

        String runId = Runs.start(token, definitionId, caseId, null);
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");
        JsonPath result = Runs.result(token, runId);
        assertThat(result.getInt("result.score")).isEqualTo(720);
        assertThat(result.getBoolean("result.approved")).isTrue();
        wiremock.verify(postRequestedFor(urlPathEqualTo("/bureau/scores")).withHeader("Idempotency-Key",
                matching(runId + ":score:1")));
        wiremock.verify(patchRequestedFor(urlPathEqualTo("/cases/" + caseId))
                .withRequestBody(equalToJson("{\"attributes\":{\"creditScore\":720}}")));
        assertThat(Runs.steps(token, runId).getList("status")).containsOnly("COMPLETED");
    }

    @Test
    void httpRetriesWithBackoffThenSucceeds() {
        var wiremock = PeerServices.server();
        String path = "/flaky/" + UUID.randomUUID();
        String scenario = "flaky-" + path;
        wiremock.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        wiremock.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("third"));
        wiremock.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        String definitionId = PeerServices.activeDefinition(httpWorkflow(wiremock.baseUrl() + path,
                "\"retry\":{\"maxAttempts\":3,\"initialInterval\":\"PT0.2S\",\"retryOn\":[\"5xx\"]},"));
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
        // the retry is a command: until its executor applies it, the run still reads FAILED
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Runs.awaitEnd(token, runId).getString("status"), "COMPLETED"::equals);
        JsonPath steps = Runs.steps(token, runId);
        assertThat(steps.getList("findAll { it.nodeId == 'call' }.status")).containsExactly("FAILED", "FAILED",
                "COMPLETED");
        assertThat(steps.getList("findAll { it.nodeId == 'call' }.attempt")).containsExactly(1, 2, 3);
    }

    @Test
    void aFailedRunIsRetriedFromTheFailedNodeKeepingWhatCameBefore() {
        var wiremock = PeerServices.server();
        String path = "/down/" + UUID.randomUUID();
        wiremock.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
        String definitionId = PeerServices
                .activeDefinition(httpWorkflow(wiremock.baseUrl() + path, "\"retry\":{\"maxAttempts\":1},"));
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
        JsonPath failed = Runs.awaitEnd(token, runId);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("error.nodeId")).isEqualTo("call");
        assertThat(Runs.result(token, runId).getString("error.message")).contains("500");

        wiremock.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        io.restassured.RestAssured.given().auth().oauth2(token).when().post("/workflows/{id}/retry", runId).then()
                .statusCode(202);
        // the retry is a command: until its executor applies it, the run still reads FAILED
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Runs.awaitEnd(token, runId).getString("status"), "COMPLETED"::equals);
        JsonPath steps = Runs.steps(token, runId);
        assertThat(steps.getList("nodeId")).containsExactly("start", "before", "call", "call", "end");
        assertThat(steps.getList("status")).containsExactly("COMPLETED", "COMPLETED", "FAILED", "COMPLETED",
                "COMPLETED");
        io.restassured.RestAssured.given().auth().oauth2(token).when().post("/workflows/{id}/retry", runId).then()
                .statusCode(409);
    }

    @Test
    void outboundCallsToPrivateOrLinkLocalAddressesAreRefused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://10.1.2.3/internal")) {
            String definitionId = PeerServices.activeDefinition(httpWorkflow(url, "\"retry\":{\"maxAttempts\":1},"));
            String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
            JsonPath run = Runs.awaitEnd(token, runId);
            assertThat(run.getString("status")).isEqualTo("FAILED");
            assertThat(run.getString("error.message")).contains("refused");
        }
    }

    @Test
    void sendEmailGoesThroughItsSmtpConnection() throws Exception {
        String connectionId = PeerServices.connection("production", """
                {"id":"$ID","name":"mailer","kind":"smtp","smtp":{"host":"127.0.0.1","port":%d,
                 "from":"workflows@orchestrion.dev"}}
                """.formatted(mail.getSmtp().getPort()));
        String definitionId = PeerServices.activeDefinition(
                """
                        {"name":"Welcome","nodes":[{"id":"start","type":"start"},
                         {"id":"mail","type":"sendEmail","properties":{"connection":"mailer","to":"{{ case.email }}",
                          "subject":"Welcome {{ case.firstName }}","body":"Your case is {{ case.id }}"}},
                         {"id":"end","type":"end","properties":{"result":{"to":"nodes.mail.to"}}}],
                         "executionConnectors":[{"from":"start","output":"next","to":"mail"},{"from":"mail","output":"next","to":"end"}]}
                        """,
                Map.of("mailer", connectionId));
        UUID caseId = PeerServices.existingCase(Map.of("email", "ada@example.com", "firstName", "Ada"));
        String runId = Runs.start(token, definitionId, caseId, null);
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");
        var received = mail.getReceivedMessagesForDomain("example.com");
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Welcome Ada");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received[0])).contains(caseId.toString());
    }

    @Test
    void contentTransitionInvokesTheEventOnTheEntry() {
        var wiremock = PeerServices.server();
        wiremock.stubFor(post(urlPathEqualTo("/api/v1/content/post/entry-1/workflow/events"))
                .withRequestBody(equalToJson("{\"event\":\"draft.submit\",\"data\":{\"message\":\"from run\"}}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"entry-1\",\"internal\":{\"workflowState\":\"awaitingApproval\"}}")));
        String definitionId = PeerServices.activeDefinition(
                """
                        {"name":"Submit","nodes":[{"id":"start","type":"start"},
                         {"id":"submit","type":"contentTransition","properties":{"contentType":"post","entryId":"entry-1",
                          "event":"draft.submit","message":"from run"}},
                         {"id":"end","type":"end","properties":{"result":{"state":"nodes.submit.state"}}}],
                         "executionConnectors":[{"from":"start","output":"next","to":"submit"},{"from":"submit","output":"next","to":"end"}]}
                        """);
        String runId = Runs.start(token, definitionId, PeerServices.existingCase(Map.of()), null);
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");
        assertThat(Runs.result(token, runId).getString("result.state")).isEqualTo("awaitingApproval");
        wiremock.verify(postRequestedFor(urlPathEqualTo("/api/v1/content/post/entry-1/workflow/events"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void aSubWorkflowRunsAsAChildAndItsResultBecomesTheNodesOutput() {
        String child = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        String parent = PeerServices.activeDefinition(
                """
                        {"name":"Parent","parameters":[{"name":"x","type":"number","required":true}],
                         "nodes":[{"id":"start","type":"start"},
                         {"id":"child","type":"subWorkflow","properties":{"definitionId":"%s","parameters":{"amount":"params.x"}}},
                         {"id":"end","type":"end","properties":{"result":{"size":"nodes.child.result.size","childRun":"nodes.child.runId"}}}],
                         "executionConnectors":[{"from":"start","output":"next","to":"child"},{"from":"child","output":"next","to":"end"}]}
                        """
                        .formatted(child));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(parent, 1, Map.of("x", 99));
        String runId = Runs.start(token, parent, caseId, parametersId);
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");
        JsonPath result = Runs.result(token, runId);
        assertThat(result.getString("result.size")).isEqualTo("large");
        String childRun = result.getString("result.childRun");
        JsonPath childStatus = Runs.awaitEnd(token, childRun);
        assertThat(childStatus.getString("parentRunId")).isEqualTo(runId);
        assertThat(childStatus.getString("status")).isEqualTo("COMPLETED");
    }

    static String httpWorkflow(String url, String nodeExtras) {
        return """
                {"name":"Call","nodes":[{"id":"start","type":"start"},
                 {"id":"before","type":"set","properties":{"assignments":[{"name":"n","value":"1"}]}},
                 {"id":"call","type":"http",%s"properties":{"method":"POST","url":"%s"}},
                 {"id":"end","type":"end","properties":{"result":{"status":"nodes.call.status"}}}],
                 "executionConnectors":[{"from":"start","output":"next","to":"before"},{"from":"before","output":"next","to":"call"},
                  {"from":"call","output":"next","to":"end"}]}
                """
                .formatted(nodeExtras, url);
    }
}
