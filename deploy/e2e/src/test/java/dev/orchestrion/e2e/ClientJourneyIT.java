package dev.orchestrion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The journeys of the people around Orchestrion, on the platform as {@code ./orchestrion up} runs it: the local stack
 * and the four packaged services as separate processes, talking through real Kafka, PostgreSQL and MongoDB. Nothing
 * here reaches into a service: every step is a call a client system, a designer, an operator, an editor or an
 * approver makes, and every check is what they would see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientJourneyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String tenant = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private LocalPlatform platform;
    private Receiver outside;

    private Api designer;
    private Api operator;
    private Api client;
    private Api clientOfRunner;
    private Api operatorOfRunner;

    @BeforeAll
    void startThePlatform() throws Exception {
        platform = LocalPlatform.shared();
        outside = new Receiver();
        designer = new Api(platform.definitionService(), platform.token(tenant, "designer"));
        operator = new Api(platform.definitionService(), platform.token(tenant, "operator"));
        String clientToken = platform.token(tenant, "client");
        client = new Api(platform.caseService(), clientToken);
        clientOfRunner = new Api(platform.runnerService(), clientToken);
        operatorOfRunner = new Api(platform.runnerService(), platform.token(tenant, "operator"));
    }

    @AfterAll
    void stopTheReceiver() {
        if (outside != null) {
            outside.close();
        }
    }

    @Test
    void aClientRunsAWorkflowThatCallsOutAndUpdatesTheCaseAndHearsOfItsEndBySignedWebhook() throws Exception {
        outside.answer("/scores", "{\"score\": 742}");
        String definitionId = activeDefinition(creditCheck(outside.url("/scores")));
        JsonNode subscription = operatorOfRunner.expect(201, "POST", "/webhooks",
                Map.of("url", outside.url("/hooks"), "events", List.of("run.completed"), "description", "e2e"));
        String secret = subscription.get("secret").asText();

        JsonNode created = client.expect(201, "POST", "/cases",
                Map.of("firstName", "Ada", "lastName", "Lovelace", "personalNumber", "18151210-1234"));
        String caseId = created.get("id").asText();
        JsonNode parameters = client.expect(201, "POST", "/parameters",
                Map.of("workflowDefinitionId", definitionId, "parameters", Map.of("minimumScore", 700)));

        JsonNode accepted = clientOfRunner.expect(200, "POST", "/workflows/run", Map.of("caseId", caseId,
                "workflowDefinitionId", definitionId, "parametersId", parameters.get("id").asText()));
        String runId = accepted.get("id").asText();
        assertThat(accepted.get("caseId").asText()).isEqualTo(caseId);

        JsonNode run = clientOfRunner.get("/workflows/" + runId + "?wait=30s");
        assertThat(run.get("status").asText()).as("run %s; runner log:\n%s", run, platform.logTail("runner-service"))
                .isEqualTo("COMPLETED");
        JsonNode result = clientOfRunner.get("/workflows/" + runId + "/result");
        assertThat(result.get("result").get("score").asInt()).isEqualTo(742);
        assertThat(result.get("result").get("approved").asBoolean()).isTrue();

        // The http node called the outside system with the case's personal number...
        List<Receiver.Request> calls = outside.received("/scores");
        assertThat(calls).hasSize(1);
        JsonNode sent = Api.JSON.readTree(calls.get(0).body());
        assertThat(sent.get("personalNumber").asText()).isEqualTo("18151210-1234");
        assertThat(sent.get("caseId").asText()).isEqualTo(caseId);
        // ... and the updateCase node stored the answer on the case.
        assertThat(client.get("/cases/" + caseId).get("attributes").get("creditScore").asInt()).isEqualTo(742);

        // The timeline shows every node, in order.
        List<String> steps = new ArrayList<>();
        clientOfRunner.get("/workflows/" + runId + "/steps").findValues("nodeId").forEach(n -> steps.add(n.asText()));
        assertThat(steps).containsSubsequence("start", "score", "update", "end");

        // The subscriber hears of the completion once, signed with its secret.
        Receiver.Request delivery = Awaitility.await().atMost(PATIENCE).until(() -> outside.received("/hooks").stream()
                .filter(r -> r.body().contains(runId)).findFirst().orElse(null), r -> r != null);
        assertThat(signatureHolds(delivery, secret)).as("webhook-signature of %s", delivery).isTrue();
        JsonNode event = Api.JSON.readTree(delivery.body());
        assertThat(event.get("type").asText()).isEqualTo("run.completed");
        assertThat(event.get("data").get("runId").asText()).isEqualTo(runId);
        assertThat(event.get("data").get("caseId").asText()).isEqualTo(caseId);
        assertThat(event.get("data").get("result").get("score").asInt()).isEqualTo(742);
        JsonNode log = operatorOfRunner.get("/webhooks/" + subscription.get("id").asText() + "/deliveries");
        assertThat(log.get("items").findValuesAsText("id")).contains(delivery.header("webhook-id"));
    }

    @Test
    void anEntryApprovedAndPublishedStartsTheWorkflowThatListensForPublications() throws Exception {
        Api contentDesigner = new Api(platform.contentService(), platform.token(tenant, "designer"));
        Api editor = new Api(platform.contentService(), platform.token(tenant, "content-editor"));
        Api approver = new Api(platform.contentService(), platform.token(tenant, "content-approver"));
        contentDesigner.expect(200, "PUT", "/api/v1/internal/contenttype/article",
                Map.of("label", "Articles", "workflowId", "approval", "fields",
                        List.of(Map.of("name", "title", "type", "text", "required", true))));
        String definitionId = activeDefinition(
                """
                        {"name":"Announce published articles",
                         "trigger":{"kind":"event","eventType":"entry.published","filter":"trigger.data.contentType == 'article'"},
                         "nodes":[{"id":"start","type":"start"},
                           {"id":"end","type":"end","properties":{"result":{
                             "entryId":"trigger.data.entryId","publicVersion":"trigger.data.publicVersion"}}}],
                         "executionConnectors":[{"from":"start","output":"next","to":"end"}]}
                        """);

        String entryId = editor.expect(201, "POST", "/api/v1/content/article", Map.of("title", "Hello, world"))
                .get("id").asText();
        editor.expect(200, "POST", "/api/v1/content/article/" + entryId + "/workflow/events",
                Map.of("event", "draft.submit", "data", Map.of("message", "Ready for review")));
        // An editor may not approve their own submission; the approver may.
        assertThat(editor.call("POST", "/api/v1/content/article/" + entryId + "/workflow/events",
                Map.of("event", "awaitingApproval.approve")).status()).isEqualTo(403);
        JsonNode approved = approver.expect(200, "POST", "/api/v1/content/article/" + entryId + "/workflow/events",
                Map.of("event", "awaitingApproval.approve"));
        assertThat(approved.get("internal").get("workflowPublicVersion").asInt()).isPositive();

        JsonNode runs = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> clientOfRunner.get("/workflows?definitionId=" + definitionId + "&status=COMPLETED"),
                page -> page.get("total").asInt() > 0);
        assertThat(runs.get("total").asInt()).as("runs started by one publication").isEqualTo(1);
        String runId = runs.get("items").get(0).get("id").asText();
        JsonNode result = clientOfRunner.get("/workflows/" + runId + "/result").get("result");
        assertThat(result.get("entryId").asText()).isEqualTo(entryId);
        assertThat(result.get("publicVersion").asInt())
                .isEqualTo(approved.get("internal").get("workflowPublicVersion").asInt());
    }

    @Test
    void aDefinitionPausedAndResumedWhileRunsFlowLosesNoRun() throws Exception {
        String definitionId = activeDefinition(Files.readString(platform.example("reference-workflow.json")));
        String caseId = client.expect(201, "POST", "/cases", Map.of("companyName", "Analytical Engines Ltd")).get("id")
                .asText();
        String parametersId = client
                .expect(201, "POST", "/parameters",
                        Map.of("workflowDefinitionId", definitionId, "parameters", Map.of("amount", 21)))
                .get("id").asText();
        Map<String, String> request = Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId",
                parametersId);

        // A client system keeps asking for runs, one after the other, while an operator pauses and resumes.
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<Api.Answer> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread clientSystem = new Thread(() -> {
            while (flowing.get()) {
                Api.Answer answer = clientOfRunner.call("POST", "/workflows/run", request);
                answers.add(answer);
                if (answer.status() == 200) {
                    accepted.add(answer.body().get("id").asText());
                }
            }
        }, "e2e-client-system");
        clientSystem.start();
        try {
            Awaitility.await().atMost(PATIENCE).until(() -> accepted.size() >= 20);
            assertThat(operator.expect(200, "POST", "/definitions/" + definitionId + "/pause", null).get("status")
                    .asText()).isEqualTo("PAUSED");
            Awaitility.await().atMost(PATIENCE)
                    .until(() -> answers.stream().filter(a -> a.status() == 409).count() >= 10);
            int answersWhilePaused = answers.size();
            assertThat(operator.expect(200, "POST", "/definitions/" + definitionId + "/resume", null).get("status")
                    .asText()).isEqualTo("ACTIVE");
            int acceptedAtResume = accepted.size();
            Awaitility.await().atMost(PATIENCE).until(() -> accepted.size() >= acceptedAtResume + 20);
            flowing.set(false);
            clientSystem.join();

            // Once the runner knew of the pause, it refused every run until the resume, saying why.
            List<Api.Answer> beforeResume = answers.subList(0, answersWhilePaused);
            int firstRefusal = indexOfStatus(beforeResume, 409);
            assertThat(beforeResume.subList(firstRefusal, beforeResume.size()))
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(409));
            assertThat(beforeResume.get(firstRefusal).raw()).contains("PAUSED");
            // Nothing but acceptances and refusals: no run request failed.
            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.raw()).isIn(200, 409));
        } finally {
            flowing.set(false);
            clientSystem.join();
        }

        // Every accepted run, before the pause, during it and after it, completes.
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(
                        clientOfRunner.get("/workflows?definitionId=" + definitionId + "&status=COMPLETED&size=1")
                                .get("total").asInt())
                        .as("completed runs; runner log:\n%s", platform.logTail("runner-service"))
                        .isEqualTo(accepted.size()));
        for (String runId : List.of(accepted.get(0), accepted.get(accepted.size() - 1))) {
            assertThat(clientOfRunner.get("/workflows/" + runId + "/result").get("result").get("doubled").asDouble())
                    .isEqualTo(42.0);
        }
    }

    /** Creates the definition as a designer and starts it as an operator; answers its id. */
    private String activeDefinition(String json) {
        String id = designer.expect(201, "POST", "/definitions", json).get("id").asText();
        assertThat(operator.expect(200, "POST", "/definitions/" + id + "/start", null).get("status").asText())
                .isEqualTo("ACTIVE");
        return id;
    }

    /** An http node asks a credit bureau for a score, an updateCase node stores it, the end node maps it. */
    private static String creditCheck(String bureauUrl) {
        return """
                {"name":"Credit check",
                 "parameters":[{"name":"minimumScore","type":"integer","default":600}],
                 "trigger":{"kind":"api"},
                 "nodes":[{"id":"start","type":"start"},
                   {"id":"score","type":"http","properties":{"method":"POST","url":"%s",
                     "body":"{'personalNumber': case.personalNumber, 'caseId': case.id}"}},
                   {"id":"update","type":"updateCase","properties":{"patch":{
                     "attributes":"{'creditScore': nodes.score.body.score}"}}},
                   {"id":"end","type":"end","properties":{"result":{
                     "score":"nodes.score.body.score","approved":"nodes.score.body.score >= params.minimumScore"}}}],
                 "executionConnectors":[{"from":"start","output":"next","to":"score"},
                   {"from":"score","output":"next","to":"update"},{"from":"update","output":"next","to":"end"}]}
                """.formatted(bureauUrl);
    }

    /** Standard Webhooks: base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret's bytes, as {@code v1,…}. */
    private static boolean signatureHolds(Receiver.Request request, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        String expected = "v1,"
                + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return Arrays.asList(request.header("webhook-signature").split(" ")).contains(expected);
    }

    private static int indexOfStatus(List<Api.Answer> answers, int status) {
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == status) {
                return i;
            }
        }
        throw new AssertionError("no answer with status " + status);
    }
}
