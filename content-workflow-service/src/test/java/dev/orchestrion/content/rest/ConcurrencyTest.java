package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.contentType;
import static dev.orchestrion.content.support.ContentApi.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.content.support.EntryEventsTopic;

/** Concurrent invocations on one entry: exactly one wins, every other one is told 409. */
@QuarkusTest
class ConcurrencyTest {

    private static final String TENANT = "races";
    private static final int CALLERS = 8;
    private static EntryEventsTopic topic;

    @BeforeAll
    static void consume() {
        topic = new EntryEventsTopic();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void exactlyOneOfConcurrentTransitionsWins() throws Exception {
        String type = contentType(TENANT, "publishing");
        String id = entry(TENANT, type, "Contended");
        List<Integer> statuses = race(() -> as(TENANT, "content-editor").body("{\"action\":\"_draft_review\"}").when()
                .put("/api/v1/workflow/" + type + "/" + id).then().extract().statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        as(TENANT, "content-editor").when().get("/api/v1/content/" + type + "/" + id + "/workflow/history").then()
                .body("total_count", equalTo(2));
        topic.await(id, 2);
        assertThat(topic.types(id)).containsExactly("dev.orchestrion.entry.created",
                "dev.orchestrion.entry.workflow-event-invoked");
    }

    @Test
    void exactlyOneOfConcurrentEventInvocationsWins() throws Exception {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "Contended too");
        List<Integer> statuses = race(() -> as(TENANT, "content-editor").body("{\"event\":\"draft.submit\"}").when()
                .post("/api/v1/content/" + type + "/" + id + "/workflow/events").then().extract().statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void concurrentSavesOfOneVersionLeaveOneWinner() throws Exception {
        String type = contentType(TENANT, "saved");
        String id = entry(TENANT, type, "v1");
        List<Integer> statuses = race(() -> as(TENANT, "content-editor").header("If-Match", "\"1\"")
                .body("{\"title\":\"" + Thread.currentThread().getName() + "\"}").when()
                .put("/api/v1/content/" + type + "/" + id).then().extract().statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).containsOnly(200, 409);
        as(TENANT, "content-editor").when().get("/api/v1/content/" + type + "/" + id).then()
                .body("internal.latestVersion", equalTo(2));
    }

    private static List<Integer> race(IntSupplier call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.getAsInt();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
