package dev.orchestrion.runner.run.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.runner.run.service.RunAdmission;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Backpressure from the queue behind run requests, as a client of {@code POST /workflows/run} sees it, with a platform
 * that takes at most 30 queued runs and 3 per tenant. Queued runs are PENDING rows inserted as a fixture (stamped an
 * hour ahead so the pending-run sweep leaves them alone); "executing" them means marking them ended or removing them.
 */
@QuarkusTest
@TestProfile(RunBackpressureTest.SmallQueue.class)
class RunBackpressureTest {

    public static final class SmallQueue implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orchestrion.runner.admission.max-queued", "30",
                    "orchestrion.runner.admission.max-queued-per-tenant", "3",
                    "orchestrion.runner.admission.queue-refresh-interval", "PT0.1S");
        }
    }

    private static final String PROBLEM = "application/problem+json";
    private static final Duration DB = Duration.ofSeconds(10);
    private static final String QUICK = """
            {"name": "Quick", "nodes": [{"id": "start", "type": "start"}, {"id": "end", "type": "end"}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "end"}]}""";

    @Inject
    Pool pool;

    @Inject
    RunAdmission admission;

    private final String definitionId = PeerServices.activeDefinition(QUICK);
    private final UUID caseId = PeerServices.existingCase(Map.of());

    @Test
    void aTenantWithTooManyRunsQueuedGets429WhileAnotherTenantIsAdmittedUntilItsRunsAreExecuted() {
        String acme = tenant("bp-acme");
        String globex = tenant("bp-globex");
        assertThat(request(acme).statusCode()).as("admitted while nothing is queued").isEqualTo(200);

        List<UUID> queued = queuePending(acme, 4);
        try {
            await().atMost(DB).until(() -> admission.queuedOf(acme) == 4); // the refresh saw the fixture

            Response refused = request(acme);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith(PROBLEM);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.jsonPath().getString("type")).endsWith("/too-many-requests");
            assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
            assertThat(refused.jsonPath().getString("detail")).contains(acme).contains("4 runs waiting");
            assertThat(runsOf(acme)).as("the refused request stored nothing: 1 run and the fixture").isEqualTo(5);

            assertThat(request(globex).statusCode()).as("another tenant goes on").isEqualTo(200);

            pool.preparedQuery("UPDATE runs SET status = 'COMPLETED', ended_at = now() WHERE id = ANY($1)")
                    .execute(Tuple.of(queued.toArray(UUID[]::new))).await().atMost(DB);
            await().atMost(DB).until(() -> admission.queuedOf(acme) == 0);
            assertThat(request(acme).statusCode()).as("admitted again once its runs were executed").isEqualTo(200);
            assertThat(metrics())
                    .contains("orchestrion_run_requests_refused_total{reason=\"queued\",scope=\"tenant\"}");
        } finally {
            remove(queued); // a failed test leaves no fixture that would count in the next ones
        }
    }

    @Test
    void tooManyRunsQueuedOnThePlatformGets503ForEveryTenantUntilTheQueueDrains() {
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            busy.add(tenant("bp-busy"));
        }
        String initech = tenant("bp-initech");
        assertThat(request(initech).statusCode()).as("admitted while the queue is short").isEqualTo(200);

        List<UUID> queued = new ArrayList<>();
        for (String tenant : busy) {
            queued.addAll(queuePending(tenant, 2)); // 32 in all, each tenant below its share of 3
        }
        try {
            await().atMost(DB).until(() -> busy.stream().allMatch(tenant -> admission.queuedOf(tenant) == 2));

            Response refused = request(initech);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith(PROBLEM);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.jsonPath().getString("type")).endsWith("/overloaded");
            assertThat(refused.jsonPath().getString("detail")).contains("runs waiting to be executed");
            assertThat(request(busy.get(0)).statusCode()).as("a tenant within its share is refused too").isEqualTo(503);
            assertThat(runsOf(initech)).as("the refused request stored nothing").isEqualTo(1);

            remove(queued);
            await().atMost(DB).until(() -> busy.stream().allMatch(tenant -> admission.queuedOf(tenant) == 0));
            assertThat(request(initech).statusCode()).as("admitted again once the queue drained").isEqualTo(200);
            assertThat(metrics())
                    .contains("orchestrion_run_requests_refused_total{reason=\"queued\",scope=\"platform\"}");
        } finally {
            remove(queued);
        }
    }

    @Test
    void theQueueIsCountedFromThePartialIndexOfPendingRuns() {
        String archive = tenant("bp-archive");
        pool.preparedQuery("INSERT INTO runs (id, tenant, definition_id, version, case_id, environment, status, "
                + "trigger_kind, created_at, ended_at, state) SELECT md5(random()::text || g)::uuid, $1, $2, 1, $3, "
                + "'production', 'COMPLETED', 'api', now(), now(), '{}'::jsonb FROM generate_series(1, 20000) g")
                .execute(Tuple.of(archive, UUID.fromString(definitionId), caseId)).await().atMost(DB);
        try {
            pool.query("ANALYZE runs").execute().await().atMost(DB);
            StringBuilder plan = new StringBuilder();
            for (Row row : pool.query("EXPLAIN " + RunRepository.QUEUED_BY_TENANT).execute().await().atMost(DB)) {
                plan.append(row.getString(0)).append('\n');
            }
            assertThat(plan.toString()).as("plan of the queue count over 20,000 ended runs").contains("runs_pending")
                    .doesNotContain("Seq Scan on runs");
        } finally {
            pool.preparedQuery("DELETE FROM runs WHERE tenant = $1").execute(Tuple.of(archive)).await().atMost(DB);
        }
    }

    private Response request(String tenant) {
        return given().auth().oauth2(TestTokens.token(tenant, "client")).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "workflowDefinitionId", definitionId)).when().post("/workflows/run")
                .andReturn();
    }

    /** Stores {@code count} runs waiting to be executed (an hour ahead, so the pending-run sweep does not start them). */
    private List<UUID> queuePending(String tenant, int count) {
        List<UUID> ids = new ArrayList<>();
        pool.preparedQuery("INSERT INTO runs (id, tenant, definition_id, version, case_id, environment, status, "
                + "trigger_kind, created_at, state) SELECT md5(random()::text || g)::uuid, $1, $2, 1, $3, "
                + "'production', 'PENDING', 'api', now() + interval '1 hour', '{}'::jsonb FROM generate_series(1, $4) g "
                + "RETURNING id").execute(Tuple.of(tenant, UUID.fromString(definitionId), caseId, count)).await()
                .atMost(DB).forEach(row -> ids.add(row.getUUID("id")));
        return ids;
    }

    private long runsOf(String tenant) {
        return pool.preparedQuery("SELECT count(*) FROM runs WHERE tenant = $1").execute(Tuple.of(tenant)).await()
                .atMost(DB).iterator().next().getLong(0);
    }

    /** Removes fixture runs (as if they had been executed and cleaned up). */
    private void remove(List<UUID> runIds) {
        pool.preparedQuery("DELETE FROM runs WHERE id = ANY($1)").execute(Tuple.of(runIds.toArray(UUID[]::new))).await()
                .atMost(DB);
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
