package dev.orchestrion.runner.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.KafkaRecords;
import dev.orchestrion.runner.MadeUpHosts;
import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.runner.WebhookReceiver;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Webhook deliveries against a real receiver in the test JVM: Standard Webhooks signatures that verify with the
 * secret, retries with growing gaps, dead-lettering, redelivery, secret rotation, run callbacks, replayed events, and
 * a slow receiver that does not hold up another. The test profile retries after 0.3 s, 0.9 s and 2.7 s (4 attempts)
 * and gives a receiver 2 s to answer.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    Pool pool;

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aCompletedRunIsDeliveredSignedWithTheSubscriptionsSecret() throws Exception {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = subscribe(tenant, receiver.url("/runs"), "run.completed");
            String runId = runReferenceWorkflow(tenant, 30);

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 1);
            WebhookReceiver.Received delivery = receiver.received().get(0);
            assertThat(Signatures.verifies(delivery, subscription.getString("secret"))).isTrue();
            assertThat(Long.parseLong(delivery.header("webhook-timestamp")))
                    .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
            assertThat(delivery.header("content-type")).startsWith("application/json");
            JsonPath body = JsonPath.from(delivery.body());
            assertThat(body.getString("type")).isEqualTo("run.completed");
            assertThat(body.getString("data.runId")).isEqualTo(runId);
            assertThat(body.getString("data.status")).isEqualTo("COMPLETED");
            assertThat(body.getDouble("data.result.doubled")).isEqualTo(60.0);
            assertThat(body.getInt("data.version")).isEqualTo(1);
            assertThat(body.getString("data.caseId")).isNotBlank();
            assertThat(body.getString("data.workflowDefinitionId")).isNotBlank();
            assertThat(body.getString("data.endedAt")).isNotBlank();

            JsonPath log = awaitDeliveries(tenant, subscription.getString("id"), "SUCCEEDED", 1);
            assertThat(log.getString("items[0].id")).isEqualTo(delivery.header("webhook-id"));
            assertThat(log.getString("items[0].runId")).isEqualTo(runId);
            assertThat(log.getInt("items[0].attempts")).isEqualTo(1);
            assertThat(log.getInt("items[0].attemptLog[0].statusCode")).isEqualTo(200);
            assertThat(log.getInt("items[0].attemptLog[0].latencyMs")).isGreaterThanOrEqualTo(0);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void failedDeliveriesAreRetriedWithGrowingGapsThenDeadLetteredAndCanBeRedelivered() {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver().answering(500)) {
            JsonPath subscription = subscribe(tenant, receiver.url("/failing"), "run.completed");
            String subscriptionId = subscription.getString("id");
            runReferenceWorkflow(tenant, 2);

            JsonPath dead = awaitDeliveries(tenant, subscriptionId, "DEAD", 1);
            List<WebhookReceiver.Received> attempts = receiver.received();
            assertThat(attempts).hasSize(4);
            assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(dead.getString("items[0].id"));
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < attempts.size(); i++) {
                gaps.add((attempts.get(i).nanos() - attempts.get(i - 1).nanos()) / 1_000_000);
            }
            assertThat(gaps.get(0)).isBetween(200L, 800L);
            assertThat(gaps.get(1)).isGreaterThan(gaps.get(0));
            assertThat(gaps.get(2)).isGreaterThan(gaps.get(1));
            assertThat(dead.getInt("items[0].attempts")).isEqualTo(4);
            assertThat(dead.getList("items[0].attemptLog.statusCode", Integer.class)).containsExactly(500, 500, 500,
                    500);
            assertThat(dead.getString("items[0].lastError")).contains("500");
            attempts.forEach(a -> assertThat(Signatures.verifies(a, subscription.getString("secret"))).isTrue());

            receiver.answering(204);
            String deliveryId = dead.getString("items[0].id");
            given().auth().oauth2(operator(tenant)).when().post("/webhooks/deliveries/{id}/redeliver", deliveryId)
                    .then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("PENDING"));
            JsonPath delivered = awaitDeliveries(tenant, subscriptionId, "SUCCEEDED", 1);
            assertThat(delivered.getInt("items[0].attempts")).isEqualTo(5);
            assertThat(delivered.getInt("items[0].attemptLog[4].statusCode")).isEqualTo(204);
            assertThat(receiver.received()).hasSize(5);
            assertThat(receiver.received().get(4).header("webhook-id")).isEqualTo(deliveryId);

            given().auth().oauth2(operator("someone-else")).when()
                    .post("/webhooks/deliveries/{id}/redeliver", deliveryId).then().statusCode(404)
                    .contentType(PROBLEM);
            given().auth().oauth2(operator(tenant)).when().get("/webhooks/deliveries/{id}", deliveryId).then()
                    .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("SUCCEEDED"));
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeFailsTheAttempt() {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver().slowBy(Duration.ofSeconds(3))) {
            JsonPath subscription = subscribe(tenant, receiver.url("/slow"), "run.completed");
            runReferenceWorkflow(tenant, 2);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonPath log = deliveries(tenant, subscription.getString("id"), null);
                assertThat(log.getList("items[0].attemptLog.error", String.class)).isNotEmpty()
                        .allSatisfy(error -> assertThat(error).containsIgnoringCase("timeout"));
                assertThat(log.getList("items[0].attemptLog.statusCode")).containsOnlyNulls();
            });
        }
    }

    @Test
    void duringARotationBothSecretsVerify() {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = subscribe(tenant, receiver.url("/rotating"), "run.completed");
            String oldSecret = subscription.getString("secret");
            String newSecret = given().auth().oauth2(operator(tenant)).when()
                    .post("/webhooks/{id}/rotate-secret", subscription.getString("id")).then().statusCode(200).extract()
                    .path("secret");
            runReferenceWorkflow(tenant, 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 1);
            WebhookReceiver.Received delivery = receiver.received().get(0);
            assertThat(Signatures.signatures(delivery)).hasSize(2);
            assertThat(Signatures.verifies(delivery, newSecret)).isTrue();
            assertThat(Signatures.verifies(delivery, oldSecret)).isTrue();

            given().auth().oauth2(operator(tenant)).contentType(ContentType.JSON).body("{\"gracePeriod\":\"PT0S\"}")
                    .when().post("/webhooks/{id}/rotate-secret", subscription.getString("id")).then().statusCode(200);
            runReferenceWorkflow(tenant, 3);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 2);
            assertThat(Signatures.signatures(receiver.received().get(1))).hasSize(1);
            assertThat(Signatures.verifies(receiver.received().get(1), newSecret)).isFalse();
        }
    }

    @Test
    void aRunsCallbackUrlReceivesItsEndSignedWithTheTenantsCallbackSecret() {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = given().auth().oauth2(operator(tenant)).when().post("/webhooks/callback-secret").then()
                    .statusCode(200).extract().path("secret");
            String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
            UUID caseId = PeerServices.existingCase(Map.of());
            UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 7));
            String runId = given().auth().oauth2(client(tenant)).contentType(ContentType.JSON)
                    .body(Map.of("caseId", caseId, "workflowDefinitionId", definitionId, "parametersId", parametersId,
                            "callbackUrl", receiver.url("/callback")))
                    .when().post("/workflows/run").then().statusCode(200).extract().path("id");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 1);
            WebhookReceiver.Received callback = receiver.received().get(0);
            assertThat(Signatures.verifies(callback, secret)).isTrue();
            assertThat(JsonPath.from(callback.body()).getString("data.runId")).isEqualTo(runId);
            assertThat(JsonPath.from(callback.body()).getString("type")).isEqualTo("run.completed");
            JsonPath ofRun = given().auth().oauth2(operator(tenant)).when().get("/webhooks/deliveries?runId=" + runId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(ofRun.getInt("total")).isEqualTo(1);
            assertThat(ofRun.getString("items[0].subscriptionId")).isNull();
            assertThat(ofRun.getString("items[0].url")).isEqualTo(receiver.url("/callback"));
        }
    }

    @Test
    void aTargetWhoseNameNowResolvesToARefusedAddressIsRefusedAtSendTime() {
        String tenant = tenant();
        String host = "moving-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        MadeUpHosts.point(host, "127.0.0.1");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String url = receiver.url("/moving").replace("127.0.0.1", host);
            JsonPath subscription = subscribe(tenant, url, "run.completed");
            runReferenceWorkflow(tenant, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 1);

            // The name moves to a private address after it was saved (DNS changed): the next delivery is refused
            // before any connection, and its log says why.
            MadeUpHosts.point(host, "10.0.0.5");
            String runId = runReferenceWorkflow(tenant, 2);
            String refusedDelivery = "items.find { it.runId == '" + runId + "' }";
            JsonPath log = await().atMost(Duration.ofSeconds(20)).until(
                    () -> deliveries(tenant, subscription.getString("id"), null),
                    all -> all.<Object>get(refusedDelivery + ".attempts") instanceof Integer n && n >= 1);
            assertThat(log.getString(refusedDelivery + ".lastError")).contains("are refused").contains("10.0.0.5")
                    .contains("private");
            assertThat(log.getString(refusedDelivery + ".lastStatusCode")).isNull();
            assertThat(receiver.count()).isEqualTo(1);
        }
    }

    @Test
    void aReplayedRunEventCreatesNoSecondDeliveryAndKeepsItsWebhookId() {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = subscribe(tenant, receiver.url("/replay"), "run.completed", "node.completed");
            String runId = runReferenceWorkflow(tenant, 5);
            // the reference workflow: five nodes complete, then the run
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 6);
            List<ConsumerRecord<String, String>> events = KafkaRecords.runEventsUntilEnded(runId);
            events.stream().map(PeerEvents::republish)
                    .forEach(copy -> KafkaRecords.awaitConsumed("runner-webhooks", copy));

            // the group is past every copy: a second delivery, had one been planned, would be stored by now
            assertThat(receiver.count()).isEqualTo(6);
            Set<String> ids = receiver.received().stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
            assertThat(ids).hasSize(6);
            assertThat(deliveries(tenant, subscription.getString("id"), null).getInt("total")).isEqualTo(6);
        }
    }

    @Test
    void aSlowReceiverDoesNotHoldUpAnotherOnesDeliveries() {
        String tenant = tenant();
        try (WebhookReceiver slow = new WebhookReceiver().slowBy(Duration.ofSeconds(10));
                WebhookReceiver fast = new WebhookReceiver()) {
            subscribe(tenant, slow.url("/slow"), "run.completed", "node.completed");
            subscribe(tenant, fast.url("/fast"), "run.completed");
            for (int i = 0; i < 10; i++) {
                runReferenceWorkflow(tenant, i);
            }
            // 60 deliveries pile up at the slow receiver, which holds all its slots for 2 s each; the fast one still
            // gets each of its 10 right after its run ended
            await().atMost(Duration.ofSeconds(10)).until(() -> fast.count() >= 10 && slow.count() >= 16);
            for (WebhookReceiver.Received delivery : fast.received()) {
                Instant ended = Instant.parse(JsonPath.from(delivery.body()).getString("data.endedAt"));
                assertThat(Duration.between(ended, delivery.at())).isLessThan(Duration.ofMillis(1500));
            }
        }
    }

    @Test
    void aDeliveryWhoseWorkerDiedIsSentOnceItsLeaseEndsAndAnotherStillLeasedIsNot() {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = subscribe(tenant, receiver.url("/orphans"), "run.completed");
            UUID subscriptionId = UUID.fromString(subscription.getString("id"));
            // as a worker that died leaves them: leased, no outcome; one lease ended a moment ago, one ends in an hour
            UUID expired = storeLeasedDelivery(tenant, subscriptionId, receiver.url("/orphans"),
                    Instant.now().minusSeconds(1));
            UUID stillLeased = storeLeasedDelivery(tenant, subscriptionId, receiver.url("/orphans"),
                    Instant.now().plus(Duration.ofHours(1)));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 1);
            JsonPath log = awaitDeliveries(tenant, subscription.getString("id"), "SUCCEEDED", 1);
            assertThat(log.getString("items[0].id")).isEqualTo(expired.toString());
            assertThat(receiver.received().get(0).header("webhook-id")).isEqualTo(expired.toString());
            assertThat(Signatures.verifies(receiver.received().get(0), subscription.getString("secret"))).isTrue();
            // the sweep that returned the expired lease also read the other one: it stays with its worker
            assertThat(deliveries(tenant, subscription.getString("id"), "PENDING").getString("items[0].id"))
                    .isEqualTo(stillLeased.toString());
            assertThat(receiver.count()).isEqualTo(1);
        }
    }

    private UUID storeLeasedDelivery(String tenant, UUID subscriptionId, String url, Instant leaseUntil) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime until = leaseUntil.atOffset(ZoneOffset.UTC);
        pool.preparedQuery("INSERT INTO webhook_deliveries (id, tenant, subscription_id, url, target, event_id, "
                + "event_type, run_id, payload, status, next_attempt_at, lease_until, lease_token, created_at, "
                + "updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'run.completed', $7, $8, 'PENDING', $9, $9, $10, $11, $11)")
                .execute(Tuple.from(new Object[]{id, tenant, subscriptionId, url, "subscription:" + subscriptionId,
                        UUID.randomUUID(), UUID.randomUUID(), "{\"type\":\"run.completed\",\"data\":{}}", until,
                        UUID.randomUUID(), now}))
                .await().atMost(Duration.ofSeconds(10));
        return id;
    }

    private static String runReferenceWorkflow(String tenant, int amount) {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", amount));
        String runId = Runs.start(client(tenant), definitionId, caseId, parametersId);
        assertThat(Runs.awaitEnd(client(tenant), runId).getString("status")).isEqualTo("COMPLETED");
        return runId;
    }

    private static JsonPath subscribe(String tenant, String url, String... events) {
        return given().auth().oauth2(operator(tenant)).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of(events))).when().post("/webhooks").then().statusCode(201)
                .extract().jsonPath();
    }

    private static JsonPath awaitDeliveries(String tenant, String subscriptionId, String status, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(tenant, subscriptionId, status),
                log -> log.getInt("total") >= count);
    }

    private static JsonPath deliveries(String tenant, String subscriptionId, String status) {
        return given().auth().oauth2(operator(tenant)).when()
                .get("/webhooks/{id}/deliveries" + (status == null ? "" : "?status=" + status), subscriptionId).then()
                .statusCode(200).extract().jsonPath();
    }

    private static String tenant() {
        return "wh-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String operator(String tenant) {
        return TestTokens.token(tenant, "operator");
    }

    private static String client(String tenant) {
        return TestTokens.token(tenant, "client");
    }
}
