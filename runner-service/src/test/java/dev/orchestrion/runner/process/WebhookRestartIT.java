package dev.orchestrion.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.WebhookReceiver;
import dev.orchestrion.runner.webhook.Signatures;
import dev.orchestrion.testsupport.TestInfrastructure;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Webhook deliveries survive a runner killed with SIGKILL: their rows stay in PostgreSQL, a new instance retries them
 * with the same webhook-id, and no event is ever delivered under two ids, so a receiver that drops duplicates by
 * webhook-id sees each event once.
 */
@Tag("packaged-runner")
class WebhookRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = "runner_webhook_it";
    private static final int RUNS = 10;
    private static final Map<String, String> FAST_RETRIES = Map.of("orchestrion.runner.webhooks.retry.initial-interval",
            "PT1S", "orchestrion.runner.webhooks.retry.multiplier", "1.5",
            "orchestrion.runner.webhooks.retry.max-attempts", "30", "orchestrion.runner.webhooks.lease", "PT5S",
            "orchestrion.runner.webhooks.poll-interval", "PT0.2S");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String tenant = "webhook-it";

    @Test
    void pendingDeliveriesKeepTheirWebhookIdsAcrossARunnerRestart() throws Exception {
        TestInfrastructure.postgres().recreateDatabase(DATABASE);
        String peers = PeerServices.server().baseUrl();
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        try (WebhookReceiver receiver = new WebhookReceiver().answering(503)) {
            String subscriptionId;
            String secret;
            try (RunnerProcess first = RunnerProcess.start("webhooks-first", DATABASE, peers, FAST_RETRIES)) {
                first.awaitReady();
                JsonNode subscription = send(first, "POST", "/webhooks", TestTokens.token(tenant, "operator"),
                        "{\"url\":\"" + receiver.url("/it") + "\",\"events\":[\"run.completed\"]}", 201);
                subscriptionId = subscription.get("id").asText();
                secret = subscription.get("secret").asText();
                for (int i = 0; i < RUNS; i++) {
                    UUID parameters = PeerServices.parameterSet(definitionId, 1, Map.of("amount", i));
                    send(first, "POST", "/workflows/run", TestTokens.token(tenant, "client"),
                            "{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\"" + definitionId
                                    + "\",\"parametersId\":\"" + parameters + "\"}",
                            200);
                }
                Awaitility.await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(webhookIds(receiver))
                        .as("first attempts; log:\n%s", first.tail()).hasSize(RUNS));
                // the failed attempts are recorded (pending, with a retry due) before the runner dies
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> send(first, "GET", "/webhooks/" + subscriptionId + "/deliveries",
                                TestTokens.token(tenant, "operator"), null, 200).get("items").findValues("attemptLog")
                                .stream().filter(log -> log.size() > 0).count() == RUNS);
                first.kill();
            }
            int attemptsBefore = receiver.count();
            receiver.answering(200);

            try (RunnerProcess second = RunnerProcess.start("webhooks-second", DATABASE, peers, FAST_RETRIES)) {
                second.awaitReady();
                JsonNode delivered = Awaitility.await().atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> send(second, "GET", "/webhooks/" + subscriptionId + "/deliveries?status=SUCCEEDED",
                                TestTokens.token(tenant, "operator"), null, 200),
                                log -> log.get("total").asInt() == RUNS);

                assertThat(receiver.count()).isGreaterThan(attemptsBefore);
                assertThat(webhookIds(receiver)).hasSize(RUNS);
                Map<String, Set<String>> idsOfEvent = new HashMap<>();
                for (WebhookReceiver.Received request : receiver.received()) {
                    assertThat(Signatures.verifies(request, secret)).isTrue();
                    idsOfEvent.computeIfAbsent(JSON.readTree(request.body()).get("id").asText(), e -> new HashSet<>())
                            .add(request.header("webhook-id"));
                }
                assertThat(idsOfEvent).hasSize(RUNS).allSatisfy((event, ids) -> assertThat(ids).hasSize(1));
                Set<String> logged = new HashSet<>();
                List<Integer> allCodes = new java.util.ArrayList<>();
                for (JsonNode delivery : delivered.get("items")) {
                    logged.add(delivery.get("id").asText());
                    List<Integer> codes = JSON.convertValue(delivery.get("attemptLog").findValues("statusCode"),
                            JSON.getTypeFactory().constructCollectionType(List.class, Integer.class));
                    // An attempt under way when the first runner was killed reached the receiver but could not be
                    // recorded, so a delivery's log may hold only its successful attempt.
                    assertThat(codes).endsWith(200);
                    allCodes.addAll(codes);
                }
                assertThat(allCodes).as("the first runner's failed attempts are in the log").contains(503);
                assertThat(logged).isEqualTo(webhookIds(receiver));
            }
        }
    }

    private static Set<String> webhookIds(WebhookReceiver receiver) {
        Set<String> ids = new HashSet<>();
        receiver.received().forEach(r -> ids.add(r.header("webhook-id")));
        return ids;
    }

    private JsonNode send(RunnerProcess runner, String method, String path, String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body()
                    + "\nlog:\n" + runner.tail());
        }
        return JSON.readTree(response.body());
    }
}
