package dev.orchestrion.runner.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.pubsub.PgSubscriber;

import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Cached API keys and HTTP bindings are forgotten as soon as another instance's change commits: "another instance"
 * is this test writing to the shared database and sending the notice its transaction would send. Each case first
 * shows the entry is answered from memory (the row changed without a notice, and the old answer still comes), then
 * that the notice (or the listener's reconnection) makes this instance answer from the database well before the
 * entry would have expired on its own. The senders are checked from a LISTEN connection of the test's own.
 */
@QuarkusTest
@TestProfile(CacheInvalidationTest.LongBackstops.class)
class CacheInvalidationTest {

    /** Entries outlive the test's steps by far, so only a notice can make them go: no race with their expiry. */
    static final Duration BACKSTOP = Duration.ofSeconds(60);

    public static final class LongBackstops implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orchestrion.runner.cache.api-keys-kept", BACKSTOP.toString(),
                    "orchestrion.runner.cache.bindings-kept", BACKSTOP.toString());
        }
    }

    private static final String PING = """
            {"name": "Ping hook", "parameters": [],
             "trigger": {"kind": "http", "method": "GET", "path": "ping"},
             "nodes": [
               {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
               {"id": "end", "type": "end", "name": "End", "position": {"x": 200, "y": 0}, "properties": {}}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "end"}],
             "dataConnectors": []}""";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void aKeyRevokedByAnotherInstanceIsRefusedHereAsSoonAsItsNoticeArrives() {
        String tenant = tenant();
        String key = issue(tenant, List.of(PeerServices.activeDefinition(PING)));
        String hash = sha256(key);

        long cachedAt = System.nanoTime();
        // no binding at this path: a key that passes is answered 404, a refused one 401 (the key is checked first)
        assertThat(statusOfUnboundCall(tenant, key)).isEqualTo(404);
        sql("UPDATE api_keys SET revoked_at = now() WHERE key_hash = $1", hash);
        assertThat(statusOfUnboundCall(tenant, key)).as("revoked without a notice: still answered from memory")
                .isEqualTo(404);

        sql("SELECT pg_notify('orchestrion_cache', 'api-key:' || $1::text)", hash);
        untilBefore(cachedAt, BACKSTOP, () -> statusOfUnboundCall(tenant, key) == 401);
    }

    @Test
    void bindingsChangedByAnotherInstanceAreReadAgainHereAsSoonAsTheNoticeArrives() {
        String tenant = tenant();
        String ping = activePing(tenant);
        String key = issue(tenant, List.of(ping));

        long cachedAt = System.nanoTime();
        given().header("X-API-Key", key).when().get("/hooks/{tenant}/ping", tenant).then().statusCode(202);
        sql("UPDATE trigger_registry SET status = 'PAUSED' WHERE definition_id = $1", UUID.fromString(ping));
        assertThat(given().header("X-API-Key", key).when().get("/hooks/{tenant}/ping", tenant).statusCode())
                .as("paused without a notice: the binding is still answered from memory").isEqualTo(202);

        sql("SELECT pg_notify('orchestrion_cache', 'bindings:' || $1::text)", tenant);
        untilBefore(cachedAt, BACKSTOP,
                () -> given().header("X-API-Key", key).when().get("/hooks/{tenant}/ping", tenant).statusCode() == 404);
    }

    @Test
    void whenTheListeningConnectionDropsItReconnectsAndForgetsEverything() {
        String tenant = tenant();
        String definition = PeerServices.activeDefinition(PING);
        String key = issue(tenant, List.of(definition));

        long cachedAt = System.nanoTime();
        assertThat(statusOfUnboundCall(tenant, key)).isEqualTo(404);
        sql("UPDATE api_keys SET revoked_at = now() WHERE key_hash = $1", sha256(key));
        assertThat(statusOfUnboundCall(tenant, key)).as("revoked without a notice: still answered from memory")
                .isEqualTo(404);

        int terminated = pool.preparedQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND query LIKE 'LISTEN %orchestrion_cache%' "
                + "AND pid <> pg_backend_pid()").execute().await().atMost(Duration.ofSeconds(10)).size();
        assertThat(terminated).as("the listener's connection was found and ended").isEqualTo(1);
        untilBefore(cachedAt, BACKSTOP, () -> statusOfUnboundCall(tenant, key) == 401);

        // listening again: a notice still reaches this instance
        String second = issue(tenant, List.of(definition));
        long secondCachedAt = System.nanoTime();
        assertThat(statusOfUnboundCall(tenant, second)).isEqualTo(404);
        sql("UPDATE api_keys SET revoked_at = now() WHERE key_hash = $1", sha256(second));
        assertThat(statusOfUnboundCall(tenant, second)).isEqualTo(404);
        sql("SELECT pg_notify('orchestrion_cache', 'api-key:' || $1::text)", sha256(second));
        untilBefore(secondCachedAt, BACKSTOP, () -> statusOfUnboundCall(tenant, second) == 401);
    }

    @Test
    void revokingAKeyAndChangingATenantsBindingsAnnounceItToEveryInstance() throws Exception {
        Queue<String> notices = new ConcurrentLinkedQueue<>();
        PgSubscriber listener = listen(notices);
        try {
            String tenant = tenant();
            String ping = activePing(tenant);
            // starting the binding's definition
            await().atMost(Duration.ofSeconds(10)).until(() -> notices.contains("bindings:" + tenant));
            String key = issue(tenant, List.of(ping));

            String admin = TestTokens.token(tenant, "admin");
            String id = given().auth().oauth2(admin).when().get("/api-keys").then().statusCode(200).extract()
                    .path("[0].id");
            given().auth().oauth2(admin).when().delete("/api-keys/{id}", id).then().statusCode(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> notices.contains("api-key:" + sha256(key)));

            notices.clear();
            PeerEvents.definitionEvent(tenant, ping, "paused", "PAUSED", 1, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> notices.contains("bindings:" + tenant));
        } finally {
            listener.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A LISTEN connection of the test's own on the cache channel, subscribed before this returns. */
    private PgSubscriber listen(Queue<String> notices) throws Exception {
        Config config = ConfigProvider.getConfig();
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx,
                CacheInvalidationListener.connectOptions(
                        config.getValue("quarkus.datasource.reactive.url", String.class),
                        config.getOptionalValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class)));
        CountDownLatch subscribed = new CountDownLatch(1);
        subscriber.channel(CacheChannel.NAME).subscribeHandler(v -> subscribed.countDown()).handler(notices::add);
        subscriber.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        return subscriber;
    }

    /** Holds once {@code condition} does, which must happen before the entry cached at {@code cachedAt} expired. */
    private static void untilBefore(long cachedAt, Duration kept, Callable<Boolean> condition) {
        Duration left = Duration.ofNanos(cachedAt + kept.toNanos() - System.nanoTime());
        assertThat(left).as("time left before the cached entry would expire on its own").isPositive();
        await().atMost(left).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    private String activePing(String tenant) {
        String ping = PeerServices.activeDefinition(PING);
        PeerEvents.systemCaseFor(ping);
        PeerEvents.definitionEvent(tenant, ping, "started", "ACTIVE", 1, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.token(tenant, "operator"))
                .when().get("/triggers").then().extract().jsonPath().getList("hookPath").size() == 1);
        return ping;
    }

    private static int statusOfUnboundCall(String tenant, String key) {
        return given().header("X-API-Key", key).when().get("/hooks/{tenant}/unbound", tenant).statusCode();
    }

    private void sql(String statement, Object parameter) {
        pool.preparedQuery(statement).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10));
    }

    private static String issue(String tenant, List<String> definitionIds) {
        return given().auth().oauth2(TestTokens.token(tenant, "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "cached key", "definitionIds", definitionIds)).when().post("/api-keys").then()
                .statusCode(201).body("key", startsWith("ohk_")).extract().path("key");
    }

    private static String tenant() {
        return "cache-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
