package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.PROBLEM;
import static dev.orchestrion.cases.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import dev.orchestrion.cases.service.IdempotencyKeyCleanup;
import dev.orchestrion.cases.testing.Api;
import dev.orchestrion.cases.testing.CaseEventsTopic;
import dev.orchestrion.cases.testing.CasesDatabase;
import dev.orchestrion.testsupport.TestTokens;

/** Idempotency-Key on POST /cases: a retried request never makes a second case. */
@QuarkusTest
class CaseIdempotencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/cases")
    URI casesUri;

    @Inject
    IdempotencyKeyCleanup cleanup;

    @Test
    void theSameKeyAndBodyAnswerTheFirstCaseAgain() {
        String tenant = Api.newTenant("idem");
        String key = UUID.randomUUID().toString();
        String externalRef = "crm-" + UUID.randomUUID();
        ExtractableResponse<Response> first = post(tenant, key, """
                {"firstName":"Ada","email":"ada@example.com","externalRef":"%s"}""".formatted(externalRef));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();

        // The same request as a client retry might send it: other field order, whitespace, an explicit null.
        ExtractableResponse<Response> again = post(tenant, key, """
                { "externalRef" : "%s", "email":"ada@example.com", "lastName": null, "firstName":"Ada" }"""
                .formatted(externalRef));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.<String>path("createdAt")).isEqualTo(first.path("createdAt"));

        as(tenant).queryParam("externalRef", externalRef).when().get("/cases").then().statusCode(200).body("total",
                equalTo(1));
        UUID id = UUID.fromString(first.path("id"));
        awaitOutboxEmptyFor(id);
        assertThat(CaseEventsTopic.of(List.of(id))).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String tenant = Api.newTenant("idem");
        String key = UUID.randomUUID().toString();
        assertThat(post(tenant, key, "{\"firstName\":\"Ada\"}").statusCode()).isEqualTo(201);

        as(tenant).header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"firstName\":\"Grace\"}").when()
                .post("/cases").then().statusCode(422).contentType(PROBLEM).body("status", equalTo(422))
                .body("detail", containsString("already used for a different request"));
        assertThat(CasesDatabase.number("SELECT count(*) FROM cases WHERE tenant = ?", tenant)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirTenant() {
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> acme = post(Api.newTenant("idem"), key, "{\"firstName\":\"Ada\"}");
        ExtractableResponse<Response> globex = post(Api.newTenant("idem"), key, "{\"firstName\":\"Ada\"}");
        assertThat(acme.statusCode()).isEqualTo(201);
        assertThat(globex.statusCode()).isEqualTo(201);
        assertThat(globex.header("Idempotent-Replayed")).isNull();
        assertThat(globex.<String>path("id")).isNotEqualTo(acme.path("id"));
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateExactlyOneCase() throws Exception {
        String tenant = Api.newTenant("idem-race");
        String key = UUID.randomUUID().toString();
        String body = "{\"lastName\":\"Hopper\",\"externalRef\":\"race-%s\"}".formatted(key);
        String token = TestTokens.token(tenant, "client");
        int requests = 16;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            CountDownLatch ready = new CountDownLatch(requests);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        return http.send(
                                HttpRequest.newBuilder(casesUri).header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
            Set<String> ids = responses.stream().map(r -> id(r.body())).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty()))
                    .as("exactly one request created the case").hasSize(1);
            assertThat(CasesDatabase.number("SELECT count(*) FROM cases WHERE tenant = ?", tenant)).isEqualTo(1);
            UUID id = UUID.fromString(ids.iterator().next());
            awaitOutboxEmptyFor(id);
            assertThat(CaseEventsTopic.of(List.of(id))).as("one CaseCreated").hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anExpiredKeyIsFreeAgainAndTheCleanupForgetsIt() {
        String tenant = Api.newTenant("idem-expiry");
        String key = UUID.randomUUID().toString();
        String first = post(tenant, key, "{\"firstName\":\"Ada\"}").path("id");
        expire(tenant, key);

        ExtractableResponse<Response> later = post(tenant, key, "{\"firstName\":\"Grace\"}");
        assertThat(later.statusCode()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isNull();
        assertThat(later.<String>path("id")).isNotEqualTo(first);
        // The key now remembers the second request.
        assertThat(post(tenant, key, "{\"firstName\":\"Grace\"}").<String>path("id")).isEqualTo(later.path("id"));

        expire(tenant, key);
        String other = UUID.randomUUID().toString();
        post(tenant, other, "{\"firstName\":\"Linus\"}");
        assertThat(cleanup.removeExpired().await().atMost(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1);
        assertThat(keys(tenant, key)).isZero();
        assertThat(keys(tenant, other)).as("unexpired keys stay").isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        for (String bad : new String[]{"x".repeat(256), "n\u00e4stan", "tab\tinside"}) {
            as("acme").header("Idempotency-Key", bad).contentType(ContentType.JSON).body("{}").when().post("/cases")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));
        }
    }

    private static ExtractableResponse<Response> post(String tenant, String key, String body) {
        return as(tenant).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when().post("/cases")
                .then().extract();
    }

    private static void expire(String tenant, String key) {
        assertThat(CasesDatabase.update("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' "
                + "WHERE tenant = ? AND idempotency_key = ?", tenant, key)).isEqualTo(1);
    }

    private static long keys(String tenant, String key) {
        return CasesDatabase.number("SELECT count(*) FROM idempotency_keys WHERE tenant = ? AND idempotency_key = ?",
                tenant, key);
    }

    static void awaitOutboxEmptyFor(UUID caseId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> CasesDatabase.number("SELECT count(*) FROM case_outbox WHERE case_id = ?", caseId) == 0);
    }

    private static String id(String body) {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }
}
