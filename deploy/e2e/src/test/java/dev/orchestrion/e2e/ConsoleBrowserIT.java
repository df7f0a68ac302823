package dev.orchestrion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console in a real browser, on the platform as {@code ./orchestrion up} runs it: operators, designers and
 * approvers sign in with a one-time link and do their work through the pages. Each test prepares its data through the
 * services' APIs in a tenant of its own (as client systems and editors would), runs one browser scenario
 * ({@code browser/scenario.mjs}: what the person sees and clicks), then checks through the APIs that the clicks did
 * what the page said. The runs list, run page and definition screenshots in the README come from these scenarios
 * ({@code target/console-screenshots}; see docs/console.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private LocalPlatform platform;
    private Receiver outside;

    @BeforeAll
    void startThePlatform() throws Exception {
        platform = LocalPlatform.shared();
        outside = new Receiver();
    }

    @AfterAll
    void stopTheReceiver() {
        if (outside != null) {
            outside.close();
        }
    }

    @Test
    void anOperatorFindsARunAndSeesItsPathAndSteps() {
        Tenant t = new Tenant();
        outside.answer("/score", "{\"score\": 742}");
        String definitionId = t.activeDefinition(scoring(outside.url("/score")));
        List<String> runs = new ArrayList<>();
        for (String company : List.of("Analytical Engines Ltd", "Difference Engines Ltd", "Jacquard Looms Ltd")) {
            runs.add(t.run(definitionId, t.caseOf(company)));
        }
        String runId = runs.get(1);
        for (String id : runs) {
            assertThat(t.runner.get("/workflows/" + id + "?wait=30s").get("status").asText()).isEqualTo("COMPLETED");
        }

        Browser.run("findARun", Map.of("link", t.link("/runs", "operator"), "runId", runId, "path",
                List.of("start", "score", "decide", "approve")));
    }

    @Test
    void theRunsListUpdatesLiveWhileARunStartsAndCompletes() {
        Tenant t = new Tenant();
        outside.answer("/score", "{\"score\": 742}");
        String definitionId = t.activeDefinition(scoring(outside.url("/score")));
        String caseId = t.caseOf("Live Ltd");

        Browser.run("runsAppearLive", Map.of("link", t.link("/runs?definitionId=" + definitionId, "operator", "client"),
                "definitionId", definitionId, "caseId", caseId));

        JsonNode runs = t.runner.get("/workflows?definitionId=" + definitionId);
        assertThat(runs.get("total").asInt()).isEqualTo(1);
        assertThat(runs.get("items").get(0).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aCaseIsFoundByNameWithItsRuns() {
        Tenant t = new Tenant();
        String definitionId = t.activeDefinition(gatekeeper());
        String caseId = t.cases.expect(201, "POST", "/cases", Map.of("firstName", "Grace", "lastName", "Hopper"))
                .get("id").asText();
        t.caseOf("Babbage Logistics Ltd"); // a case the name does not find
        String runId = t.run(definitionId, caseId);

        Browser.run("findACaseByName",
                Map.of("link", t.link("/cases", "client"), "name", "Hop", "caseId", caseId, "runId", runId));
    }

    @Test
    void anOperatorRetriesAFailedRunFromItsFailedStep() {
        Tenant t = new Tenant();
        String path = "/flaky-" + t.name;
        outside.answer(path, 503, "{\"error\": \"busy\"}");
        String definitionId = t.activeDefinition(scoring(outside.url(path)));
        String runId = t.run(definitionId, t.caseOf("Babbage & Co"));
        assertThat(t.runner.get("/workflows/" + runId + "?wait=30s").get("status").asText()).isEqualTo("FAILED");
        outside.answer(path, 200, "{\"score\": 801}");
        outside.answer("/score", "{\"score\": 742}");
        String completedRunId = t.run(t.activeDefinition(scoring(outside.url("/score"))), t.caseOf("Menabrea & Co"));
        assertThat(t.runner.get("/workflows/" + completedRunId + "?wait=30s").get("status").asText())
                .isEqualTo("COMPLETED");

        Browser.run("retryAFailedRun", Map.of("link", t.link("/runs", "operator"), "runId", runId, "failedNode", "score",
                "completedRunId", completedRunId));

        JsonNode run = t.runner.get("/workflows/" + runId);
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(t.runner.get("/workflows/" + runId + "/result").get("result").get("score").asInt()).isEqualTo(801);
        List<String> scoreSteps = new ArrayList<>();
        t.runner.get("/workflows/" + runId + "/steps").get("items").forEach(step -> {
            if (step.get("nodeId").asText().equals("score")) {
                scoreSteps.add(step.get("status").asText());
            }
        });
        assertThat(scoreSteps).containsExactly("FAILED", "COMPLETED");
        assertThat(outside.received(path)).hasSize(2);
    }

    @Test
    void anOperatorStartsADefinitionSeesWhereItsRunsFailThenPausesAndFinalizesIt() {
        Tenant t = new Tenant();
        String definitionId = t.designer.expect(201, "POST", "/definitions", gatekeeper()).get("id").asText();

        Browser.run("startADefinition",
                Map.of("link", t.link("/definitions/" + definitionId, "operator"), "definitionId", definitionId));
        assertThat(t.definitions.get("/definitions/" + definitionId).get("status").asText()).isEqualTo("ACTIVE");

        List<String> runs = new ArrayList<>();
        for (String company : List.of("Broken Ltd", "Fine Ltd", "Broken Ltd", "Fine Ltd", "Fine Ltd")) {
            runs.add(t.run(definitionId, t.caseOf(company)));
        }
        for (String id : runs) {
            assertThat(t.runner.get("/workflows/" + id + "?wait=30s").get("status").asText()).isIn("COMPLETED",
                    "FAILED");
        }

        Browser.run("operateADefinition",
                Map.of("link", t.link("/definitions/" + definitionId, "operator"), "definitionId", definitionId,
                        "failingNode", "refuse", "failedRuns", 2, "completedNode", "welcome", "completedRuns", 3));
        assertThat(t.definitions.get("/definitions/" + definitionId).get("status").asText()).isEqualTo("FINALIZED");
    }

    @Test
    void anOperatorReordersThePriorities() {
        Tenant t = new Tenant();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("First", "Second", "Third")) {
            ids.add(t.activeDefinition("""
                    {"name":"%s","trigger":{"kind":"api"},
                     "nodes":[{"id":"start","type":"start"},{"id":"end","type":"end"}],
                     "executionConnectors":[{"from":"start","output":"next","to":"end"}]}
                    """.formatted(name)));
        }
        assertThat(t.priorities()).containsExactlyElementsOf(ids);

        Browser.run("reorderPriorities", Map.of("link", t.link("/definitions/priorities", "operator"), "before", ids));

        assertThat(t.priorities()).containsExactly(ids.get(1), ids.get(0), ids.get(2));
    }

    @Test
    void anOperatorRedeliversAWebhookDelivery() {
        Tenant t = new Tenant();
        String path = "/hooks-" + t.name;
        String subscriptionId = t.operatorOfRunner.expect(201, "POST", "/webhooks",
                Map.of("url", outside.url(path), "events", List.of("run.completed"), "description", "browser test"))
                .get("id").asText();
        outside.answer("/score", "{\"score\": 742}");
        String runId = t.run(t.activeDefinition(scoring(outside.url("/score"))), t.caseOf("Lovelace Ltd"));
        Receiver.Request first = Awaitility.await().atMost(PATIENCE).until(
                () -> outside.received(path).stream().filter(r -> r.body().contains(runId)).findFirst().orElse(null),
                r -> r != null);
        String deliveryId = first.header("webhook-id");
        Awaitility.await().atMost(PATIENCE)
                .until(() -> t.operatorOfRunner.get("/webhooks/" + subscriptionId + "/deliveries").get("items")
                        .findValuesAsText("status").contains("SUCCEEDED"));

        Browser.run("redeliverAWebhook", Map.of("link", t.link("/webhooks", "operator"), "subscriptionId",
                subscriptionId, "deliveryId", deliveryId));

        // The subscriber hears of the run again: the same delivery (same webhook-id), sent once more.
        Awaitility.await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                        outside.received(path).stream().filter(r -> deliveryId.equals(r.header("webhook-id"))).count())
                        .isEqualTo(2));
    }

    @Test
    void anApproverApprovesAnEntryFromTheInbox() {
        Tenant t = new Tenant();
        String entryId = t.entryAwaitingApproval("The analytical engine");

        Browser.run("approveFromTheInbox", Map.of("link", t.link("/inbox", "content-approver"), "entryId", entryId,
                "contentType", "article", "event", "awaitingApproval.approve"));

        JsonNode entry = t.approver.get("/api/v1/content/article/" + entryId);
        assertThat(entry.get("internal").get("workflowState").asText()).isNotEqualTo("awaitingApproval");
        assertThat(entry.get("internal").get("workflowPublicVersion").asInt()).isPositive();
    }

    @Test
    void actionsTheUsersRolesDoNotAllowAreNotOffered() {
        Tenant t = new Tenant();
        String entryId = t.entryAwaitingApproval("Notes on the engine");
        Browser.run("noActionWithoutTheRole",
                Map.of("link", t.link("/content/article/" + entryId, "content-editor"), "entryId", entryId, "event",
                        "awaitingApproval.approve", "state", "awaitingApproval", "offered", "awaitingApproval.revoke"));

        String definitionId = t.activeDefinition(gatekeeper());
        Browser.run("noLifecycleWithoutTheRole",
                Map.of("link", t.link("/definitions/" + definitionId, "designer"), "definitionId", definitionId));
    }

    /** start -> score (http) -> decide (if) -> approve | decline (end), laid out left to right. */
    private static String scoring(String url) {
        return """
                {"name":"Credit scoring","trigger":{"kind":"api"},
                 "nodes":[{"id":"start","type":"start","name":"Start","position":{"x":0,"y":80}},
                   {"id":"score","type":"http","name":"Ask the bureau","position":{"x":220,"y":80},
                    "retry":{"maxAttempts":1},
                    "properties":{"method":"POST","url":"%s","body":"{'caseId': case.id}"}},
                   {"id":"decide","type":"if","name":"Good score?","position":{"x":440,"y":80},
                    "properties":{"condition":"nodes.score.body.score >= 700"}},
                   {"id":"approve","type":"end","name":"Approve","position":{"x":660,"y":0},
                    "properties":{"result":{"approved":"true","score":"nodes.score.body.score"}}},
                   {"id":"decline","type":"end","name":"Decline","position":{"x":660,"y":160},
                    "properties":{"result":{"approved":"false","score":"nodes.score.body.score"}}}],
                 "executionConnectors":[{"from":"start","output":"next","to":"score"},
                   {"from":"score","output":"next","to":"decide"},
                   {"from":"decide","output":"true","to":"approve"},{"from":"decide","output":"false","to":"decline"}]}
                """.formatted(url);
    }

    /** start -> check (if) -> refuse (fail) | welcome (end): runs of "Broken Ltd" fail at refuse. */
    private static String gatekeeper() {
        return """
                {"name":"Gatekeeper","trigger":{"kind":"api"},
                 "nodes":[{"id":"start","type":"start","name":"Start","position":{"x":0,"y":80}},
                   {"id":"check","type":"if","name":"Served?","position":{"x":220,"y":80},
                    "properties":{"condition":"case.companyName != 'Broken Ltd'"}},
                   {"id":"welcome","type":"end","name":"Welcome","position":{"x":440,"y":0},
                    "properties":{"result":{"served":"true"}}},
                   {"id":"refuse","type":"fail","name":"Refuse","position":{"x":440,"y":160},
                    "properties":{"message":"{{ case.companyName }} is not served","code":"NOT_SERVED"}}],
                 "executionConnectors":[{"from":"start","output":"next","to":"check"},
                   {"from":"check","output":"true","to":"welcome"},{"from":"check","output":"false","to":"refuse"}]}
                """;
    }

    /** A tenant of one test, with the APIs its people use. */
    private final class Tenant {

        final String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        final Api designer = new Api(platform.definitionService(), platform.token(name, "designer"));
        final Api definitions = new Api(platform.definitionService(), platform.token(name, "operator"));
        final Api operatorOfRunner = new Api(platform.runnerService(), platform.token(name, "operator"));
        final Api runner;
        final Api cases;
        final Api editor = new Api(platform.contentService(), platform.token(name, "content-editor"));
        final Api approver = new Api(platform.contentService(), platform.token(name, "content-approver"));

        Tenant() {
            String client = platform.token(name, "client");
            runner = new Api(platform.runnerService(), client);
            cases = new Api(platform.caseService(), client);
        }

        String link(String next, String... roles) {
            return platform.consoleLink(name, next, roles);
        }

        String activeDefinition(String json) {
            String id = designer.expect(201, "POST", "/definitions", json).get("id").asText();
            assertThat(definitions.expect(200, "POST", "/definitions/" + id + "/start", null).get("status").asText())
                    .isEqualTo("ACTIVE");
            return id;
        }

        String caseOf(String company) {
            return cases.expect(201, "POST", "/cases", Map.of("companyName", company)).get("id").asText();
        }

        String run(String definitionId, String caseId) {
            return runner.expect(200, "POST", "/workflows/run",
                    Map.of("caseId", caseId, "workflowDefinitionId", definitionId)).get("id").asText();
        }

        List<String> priorities() {
            return new Api(platform.definitionService(), platform.token(name, "operator")).get("/priorities")
                    .get("items").findValuesAsText("definitionId");
        }

        /** An article an editor wrote and submitted for approval. */
        String entryAwaitingApproval(String title) {
            new Api(platform.contentService(), platform.token(name, "designer")).expect(200, "PUT",
                    "/api/v1/internal/contenttype/article", Map.of("label", "Articles", "workflowId", "approval",
                            "fields", List.of(Map.of("name", "title", "type", "text", "required", true))));
            String id = editor.expect(201, "POST", "/api/v1/content/article", Map.of("title", title)).get("id")
                    .asText();
            editor.expect(200, "POST", "/api/v1/content/article/" + id + "/workflow/events",
                    Map.of("event", "draft.submit", "data", Map.of("message", "Ready for review")));
            return id;
        }
    }
}
