package dev.orchestrion.runner.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.runner.WebhookReceiver;
import dev.orchestrion.runner.webhook.service.StoredSecretsEncryption;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Signing secrets at rest: what {@code webhook_subscriptions} and {@code webhook_callback_secrets} hold, read through
 * SQL from the test database, is never the secret the API showed, while deliveries still verify with that secret
 * (after a rotation too). Secrets stored in clear before encryption keep working and are encrypted by the start-up
 * step; a value copied to another row does not decrypt.
 */
@QuarkusTest
class WebhookSecretsAtRestTest {

    @Inject
    Pool pool;

    @Inject
    StoredSecretsEncryption encryption;

    @Test
    void aSubscriptionsSecretsAreStoredEncryptedAndSignWithTheSecretsShownAtCreationAndRotation() {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = subscribe(tenant, receiver.url("/at-rest"));
            String id = subscription.getString("id");
            String created = subscription.getString("secret");

            Stored stored = subscriptionRow(id);
            assertEncrypted(stored.secret(), created);
            assertThat(stored.previousSecret()).isNull();
            assertThat(given().auth().oauth2(operator(tenant)).when().get("/webhooks/{id}", id).then().statusCode(200)
                    .extract().asString()).doesNotContain(created).doesNotContain(stored.secret());

            runReferenceWorkflow(tenant, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 1);
            assertThat(Signatures.signatures(receiver.received().get(0))).hasSize(1);
            assertThat(Signatures.verifies(receiver.received().get(0), created)).isTrue();

            String rotated = given().auth().oauth2(operator(tenant)).when().post("/webhooks/{id}/rotate-secret", id)
                    .then().statusCode(200).extract().path("secret");
            Stored afterRotation = subscriptionRow(id);
            assertEncrypted(afterRotation.secret(), rotated);
            assertEncrypted(afterRotation.secret(), created);
            assertEncrypted(afterRotation.previousSecret(), created);
            assertEncrypted(afterRotation.previousSecret(), rotated);

            runReferenceWorkflow(tenant, 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 2);
            WebhookReceiver.Received duringGrace = receiver.received().get(1);
            assertThat(Signatures.signatures(duringGrace)).hasSize(2);
            assertThat(Signatures.verifies(duringGrace, rotated)).isTrue();
            assertThat(Signatures.verifies(duringGrace, created)).isTrue();
        }
    }

    @Test
    void theTenantsCallbackSecretsAreStoredEncryptedAndSignItsCallbacks() {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // A callback run of a tenant without a callback secret creates one: stored encrypted too.
            startWithCallback(tenant, receiver.url("/first"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 1);
            Stored generated = callbackRow(tenant);
            assertThat(generated.secret()).startsWith("v1:").doesNotContain("whsec_");

            String issued = given().auth().oauth2(operator(tenant)).when().post("/webhooks/callback-secret").then()
                    .statusCode(200).extract().path("secret");
            Stored afterRotation = callbackRow(tenant);
            assertEncrypted(afterRotation.secret(), issued);
            assertEncrypted(afterRotation.previousSecret(), issued);
            assertThat(afterRotation.previousSecret()).isEqualTo(generated.secret());

            startWithCallback(tenant, receiver.url("/second"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 2);
            WebhookReceiver.Received callback = receiver.received().get(1);
            assertThat(Signatures.signatures(callback)).hasSize(2);
            assertThat(Signatures.verifies(callback, issued)).isTrue();
        }
    }

    @Test
    void secretsStoredInClearBeforeEncryptionStillSignAndAreEncryptedAtStartUp() {
        String tenant = tenant();
        try (WebhookReceiver subscribed = new WebhookReceiver(); WebhookReceiver callbacks = new WebhookReceiver()) {
            String id = subscribe(tenant, subscribed.url("/legacy")).getString("id");
            // The rows as a runner without encryption left them: secrets in clear.
            String clearCurrent = whsec();
            String clearPrevious = whsec();
            update("UPDATE webhook_subscriptions SET secret = $2, previous_secret = $3, previous_secret_expires_at = $4 "
                    + "WHERE id = $1", Tuple.of(UUID.fromString(id), clearCurrent, clearPrevious, inAnHour()));
            String clearCallback = whsec();
            update("INSERT INTO webhook_callback_secrets (tenant, secret, updated_at) VALUES ($1, $2, $3)",
                    Tuple.of(tenant, clearCallback, Instant.now().atOffset(ZoneOffset.UTC)));

            runReferenceWorkflow(tenant, 1);
            startWithCallback(tenant, callbacks.url("/legacy"));
            // Both runs end with a run.completed for the subscription; the callback run's also goes to its callback.
            await().atMost(Duration.ofSeconds(20)).until(() -> subscribed.count() >= 2 && callbacks.count() >= 1);
            assertThat(Signatures.verifies(subscribed.received().get(0), clearCurrent)).isTrue();
            assertThat(Signatures.verifies(subscribed.received().get(0), clearPrevious)).isTrue();
            assertThat(Signatures.verifies(callbacks.received().get(0), clearCallback)).isTrue();

            assertThat(encryption.encryptClearSecrets().await().atMost(Duration.ofSeconds(30)))
                    .isGreaterThanOrEqualTo(2);

            Stored subscriptionRow = subscriptionRow(id);
            assertEncrypted(subscriptionRow.secret(), clearCurrent);
            assertEncrypted(subscriptionRow.previousSecret(), clearPrevious);
            assertEncrypted(callbackRow(tenant).secret(), clearCallback);
            assertThat(encryption.encryptClearSecrets().await().atMost(Duration.ofSeconds(30)))
                    .as("nothing is left in clear").isZero();

            int before = subscribed.count();
            runReferenceWorkflow(tenant, 2);
            startWithCallback(tenant, callbacks.url("/encrypted"));
            await().atMost(Duration.ofSeconds(20)).until(() -> subscribed.count() > before && callbacks.count() >= 2);
            WebhookReceiver.Received delivery = subscribed.received().get(before);
            assertThat(Signatures.signatures(delivery)).hasSize(2);
            assertThat(Signatures.verifies(delivery, clearCurrent)).isTrue();
            assertThat(Signatures.verifies(delivery, clearPrevious)).isTrue();
            assertThat(Signatures.verifies(callbacks.received().get(1), clearCallback)).isTrue();
        }
    }

    @Test
    void anEncryptedSecretCopiedToAnotherSubscriptionDoesNotDecryptAndTheAttemptSaysWhy() {
        String tenant = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String donor = subscribe(tenant, receiver.url("/donor"), "run.started").getString("id");
            String target = subscribe(tenant, receiver.url("/target"), "run.completed").getString("id");
            update("UPDATE webhook_subscriptions SET secret = (SELECT secret FROM webhook_subscriptions WHERE id = $1) "
                    + "WHERE id = $2", Tuple.of(UUID.fromString(donor), UUID.fromString(target)));

            runReferenceWorkflow(tenant, 1);
            JsonPath log = await().atMost(Duration.ofSeconds(20))
                    .until(() -> given().auth().oauth2(operator(tenant)).when().get("/webhooks/{id}/deliveries", target)
                            .then().statusCode(200).extract().jsonPath(),
                            all -> all.<Object>get("items[0].attempts") instanceof Integer n && n >= 1);
            assertThat(log.getString("items[0].lastError")).contains("cannot be decrypted")
                    .contains("orchestrion.runner.secrets.encryption-key");
            assertThat(receiver.received()).extracting(r -> JsonPath.from(r.body()).getString("type"))
                    .doesNotContain("run.completed");
        }
    }

    /** The stored value exists, is marked encrypted, and holds neither the secret nor its key bytes in clear. */
    private static void assertEncrypted(String stored, String secret) {
        assertThat(stored).isNotNull().startsWith("v1:").isNotEqualTo(secret).doesNotContain(secret)
                .doesNotContain(secret.substring("whsec_".length()));
    }

    private record Stored(String secret, String previousSecret) {
    }

    private Stored subscriptionRow(String id) {
        return single("SELECT secret, previous_secret FROM webhook_subscriptions WHERE id = $1",
                Tuple.of(UUID.fromString(id)));
    }

    private Stored callbackRow(String tenant) {
        return single("SELECT secret, previous_secret FROM webhook_callback_secrets WHERE tenant = $1",
                Tuple.of(tenant));
    }

    private Stored single(String sql, Tuple arguments) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(arguments).await().atMost(Duration.ofSeconds(10));
        assertThat(rows.size()).isEqualTo(1);
        Row row = rows.iterator().next();
        return new Stored(row.getString("secret"), row.getString("previous_secret"));
    }

    private void update(String sql, Tuple arguments) {
        assertThat(pool.preparedQuery(sql).execute(arguments).await().atMost(Duration.ofSeconds(10)).rowCount())
                .isEqualTo(1);
    }

    private static String whsec() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static java.time.OffsetDateTime inAnHour() {
        return Instant.now().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
    }

    private static void runReferenceWorkflow(String tenant, int amount) {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", amount));
        String runId = Runs.start(client(tenant), definitionId, caseId, parametersId);
        assertThat(Runs.awaitEnd(client(tenant), runId).getString("status")).isEqualTo("COMPLETED");
    }

    private static void startWithCallback(String tenant, String callbackUrl) {
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 3));
        given().auth().oauth2(client(tenant)).contentType(ContentType.JSON).body(Map.of("caseId", caseId,
                "workflowDefinitionId", definitionId, "parametersId", parametersId, "callbackUrl", callbackUrl)).when()
                .post("/workflows/run").then().statusCode(200);
    }

    private static JsonPath subscribe(String tenant, String url, String... events) {
        List<String> types = events.length == 0 ? List.of("run.completed") : List.of(events);
        return given().auth().oauth2(operator(tenant)).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", types)).when().post("/webhooks").then().statusCode(201).extract()
                .jsonPath();
    }

    private static String tenant() {
        return "at-rest-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String operator(String tenant) {
        return TestTokens.token(tenant, "operator");
    }

    private static String client(String tenant) {
        return TestTokens.token(tenant, "client");
    }
}
