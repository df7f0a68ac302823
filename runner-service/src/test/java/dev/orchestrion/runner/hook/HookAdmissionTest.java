package dev.orchestrion.runner.hook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Backpressure as a client of an HTTP binding sees it, with an instance that takes two run requests at once and one
 * per tenant: past its tenant's share a call is answered 429 at once, past the instance's 503, both problem+json with
 * Retry-After; a tenant's place comes back when its call ends.
 */
@QuarkusTest
@TestProfile(HookAdmissionTest.Small.class)
class HookAdmissionTest {

    public static final class Small implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orchestrion.runner.admission.max-in-flight", "2",
                    "orchestrion.runner.admission.max-in-flight-per-tenant", "1");
        }
    }

    private static final String SLOW = """
            {"name": "Slow hook", "parameters": [],
             "trigger": {"kind": "http", "method": "POST", "path": "slow", "respondWith": "result",
                         "responseTimeout": "PT20S"},
             "nodes": [
               {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
               {"id": "pause", "type": "delay", "name": "Pause", "position": {"x": 200, "y": 0},
                "properties": {"mode": "duration", "duration": "PT3S"}},
               {"id": "end", "type": "end", "name": "End", "position": {"x": 400, "y": 0},
                "properties": {"result": {"ok": "true"}}}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "pause"},
                                     {"from": "pause", "output": "next", "to": "end"}],
             "dataConnectors": []}""";

    @Test
    void aTenantPastItsShareGets429AndAFullInstance503BothWithRetryAfter() {
        Tenant acme = tenant("adm-a");
        Tenant globex = tenant("adm-g");
        Tenant initech = tenant("adm-i");

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(acme::call);
        acme.awaitRuns(1); // admitted: its run is stored, and its call waits for the run's result
        Response refused = acme.call();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.jsonPath().getString("type")).endsWith("/too-many-requests");

        CompletableFuture<Response> other = CompletableFuture.supplyAsync(globex::call); // another tenant goes on
        globex.awaitRuns(1);
        Response full = initech.call();
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.header("Retry-After")).isEqualTo("1");
        assertThat(full.jsonPath().getString("type")).endsWith("/overloaded");

        assertThat(first.join().statusCode()).isEqualTo(200);
        assertThat(other.join().statusCode()).isEqualTo(200);
        assertThat(acme.call().statusCode()).as("the finished call gave its place back").isEqualTo(200);
        assertThat(acme.runs()).isEqualTo(2);
        assertThat(initech.runs()).as("a refused call started nothing").isZero();
    }

    private record Tenant(String name, String definitionId, String key) {

        Response call() {
            return given().header("X-API-Key", key).contentType(ContentType.JSON).body("{}").when()
                    .post("/hooks/{tenant}/slow", name).andReturn();
        }

        int runs() {
            return given().auth().oauth2(TestTokens.token(name, "operator")).when()
                    .get("/workflows?definitionId={d}", definitionId).then().statusCode(200).extract().path("total");
        }

        void awaitRuns(int count) {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs() >= count);
        }
    }

    private static Tenant tenant(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String definitionId = PeerServices.activeDefinition(SLOW);
        PeerEvents.systemCaseFor(definitionId);
        PeerEvents.definitionEvent(name, definitionId, "started", "ACTIVE", 1, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.token(name, "operator"))
                .when().get("/triggers").then().extract().jsonPath().getList("hookPath").size() == 1);
        String key = given().auth().oauth2(TestTokens.token(name, "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "test key", "definitionIds", List.of(definitionId))).when().post("/api-keys")
                .then().statusCode(201).extract().path("key");
        return new Tenant(name, definitionId, key);
    }
}
