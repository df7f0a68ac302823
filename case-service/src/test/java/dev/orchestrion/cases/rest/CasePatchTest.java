package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.MERGE_PATCH;
import static dev.orchestrion.cases.testing.Api.PROBLEM;
import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.getCase;
import static dev.orchestrion.cases.testing.Api.newCase;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static dev.orchestrion.cases.testing.Api.patchCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** PATCH /cases/{id}: JSON merge patch with optimistic concurrency. */
@QuarkusTest
class CasePatchTest {

    @Test
    void mergesFieldsAndAttributes() {
        String tenant = newTenant("patch");
        UUID id = newCase(tenant, """
                {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com",
                 "attributes":{"score":600,"address":{"city":"London","zip":"W1"}}}""");
        patchCase(tenant, id,
                """
                        {"email":"ada@engines.example","lastName":null,"attributes":{"score":710,"address":{"zip":null},"vip":true}}""")
                .statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("email", equalTo("ada@engines.example")).body("lastName", nullValue())
                .body("firstName", equalTo("Ada")).body("attributes.score", equalTo(710))
                .body("attributes.vip", equalTo(true)).body("attributes.address.city", equalTo("London"))
                .body("attributes.address.containsKey('zip')", equalTo(false));
        getCase(tenant, id).statusCode(200).header("ETag", "\"1\"").body("email", equalTo("ada@engines.example"))
                .body("attributes.score", equalTo(710));
    }

    @Test
    void acceptsPlainJsonToo() {
        String tenant = newTenant("patch");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        as(tenant).contentType(ContentType.JSON).body("{\"firstName\":\"Augusta\"}").when().patch("/cases/{id}", id)
                .then().statusCode(200).body("firstName", equalTo("Augusta"));
        as(tenant).contentType(ContentType.TEXT).body("firstName=Ada").when().patch("/cases/{id}", id).then()
                .statusCode(415).contentType(PROBLEM);
    }

    @Test
    void ifMatchWithTheCurrentVersionApplies() {
        String tenant = newTenant("patch-etag");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        String etag = getCase(tenant, id).extract().header("ETag");
        as(tenant).header("If-Match", etag).contentType(MERGE_PATCH).body("{\"firstName\":\"Augusta\"}").when()
                .patch("/cases/{id}", id).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void ifMatchWithAStaleVersionIsAConflictAndChangesNothing() {
        String tenant = newTenant("patch-etag");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        String read = getCase(tenant, id).extract().header("ETag");
        patchCase(tenant, id, "{\"firstName\":\"Augusta\"}").statusCode(200);

        as(tenant).header("If-Match", read).contentType(MERGE_PATCH).body("{\"firstName\":\"Ada Augusta\"}").when()
                .patch("/cases/{id}", id).then().statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("type", containsString("stale-version")).body("detail", containsString("version 1, not 0"));
        getCase(tenant, id).body("firstName", equalTo("Augusta")).body("version", equalTo(1));
    }

    @Test
    void aMalformedIfMatchIsABadRequest() {
        String tenant = newTenant("patch-etag");
        UUID id = newCase(tenant, "{}");
        as(tenant).header("If-Match", "version-3").contentType(MERGE_PATCH).body("{}").when().patch("/cases/{id}", id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        String tenant = newTenant("patch-noop");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\",\"attributes\":{\"a\":1}}");
        patchCase(tenant, id, "{\"firstName\":\"Ada\",\"attributes\":{\"a\":1,\"b\":null}}").statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0));
    }

    @Test
    void namesEveryBadField() {
        String tenant = newTenant("patch-bad");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        patchCase(tenant, id, "{\"email\":\"not-an-email\",\"firstName\":\"" + "x".repeat(201) + "\"}").statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItems("email", "firstName"));
        patchCase(tenant, id, "{\"firstName\":7,\"nickname\":\"A\",\"version\":9,\"attributes\":\"x\"}").statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItems("firstName", "nickname", "version", "attributes"));
        patchCase(tenant, id, "[{\"op\":\"replace\"}]").statusCode(400).contentType(PROBLEM);
        patchCase(tenant, id, "{\"attributes\":{\"blob\":\"" + "x".repeat(17_000) + "\"}}").statusCode(400)
                .body("errors[0].field", equalTo("attributes"));
        getCase(tenant, id).body("version", equalTo(0)).body("firstName", equalTo("Ada"));
    }

    @Test
    void anErasedCaseCannotBePatched() {
        String tenant = newTenant("patch-erased");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        as(tenant).when().delete("/cases/{id}", id).then().statusCode(204);
        patchCase(tenant, id, "{\"firstName\":\"Ada\"}").statusCode(409).contentType(PROBLEM).body("detail",
                containsString("erased"));
    }

    @Test
    void anotherTenantsOrAnUnknownCaseIsNotFound() {
        UUID id = newCase(newTenant("patch-iso"), "{\"firstName\":\"Ada\"}");
        patchCase(newTenant("patch-iso"), id, "{\"firstName\":\"Mallory\"}").statusCode(404).contentType(PROBLEM);
        patchCase("acme", UUID.randomUUID(), "{}").statusCode(404);
    }

    @Test
    void concurrentPatchesWithoutIfMatchAreAllApplied() throws Exception {
        String tenant = newTenant("patch-race");
        UUID id = newCase(tenant, "{}");
        int writers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String patch = "{\"attributes\":{\"writer" + i + "\":" + i + "}}";
                statuses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return patchCase(tenant, id, patch).extract().statusCode();
                }, threads));
            }
            go.countDown();
            for (CompletableFuture<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
        Map<String, Object> attributes = getCase(tenant, id).body("version", equalTo(writers)).extract()
                .path("attributes");
        assertThat(attributes).hasSize(writers);
    }
}
