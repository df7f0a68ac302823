package dev.orchestrion.runner.schedule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.Definitions;
import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Schedule triggers in one runner instance (the test profile ticks every 0.2 s): firings every interval for the
 * definition's system case, one per tick, stopping when the definition is paused; and the single-instance option.
 * Several instances firing each tick once: see ScheduleTwoInstancesIT.
 */
@QuarkusTest
class ScheduleTriggerTest {

    @Test
    void anIntervalScheduleFiresOncePerTickForTheSystemCaseUntilPaused() {
        String tenant = "sch-" + UUID.randomUUID().toString().substring(0, 8);
        String definitionId = PeerServices.activeDefinition(
                Definitions.echoingTrigger("every second", "{\"kind\": \"schedule\", \"interval\": \"PT1S\"}", null));
        UUID systemCase = PeerEvents.systemCaseFor(definitionId);
        PeerEvents.definitionEvent(tenant, definitionId, "started", "ACTIVE", 1, 1);

        JsonPath firings = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> trigger(tenant, definitionId),
                t -> t.getList("firings.findAll { it.status == 'STARTED' }").size() >= 3);
        assertThat(firings.getString("nextFireAt")).isNotNull();
        List<String> ticks = firings.getList("firings.findAll { it.status == 'STARTED' }.tick");
        assertThat(new HashSet<>(ticks)).hasSameSizeAs(ticks);
        Instant newest = Instant.parse(ticks.get(0));
        Instant older = Instant.parse(ticks.get(1));
        assertThat(Duration.between(older, newest)).isEqualTo(Duration.ofSeconds(1));

        List<Map<String, Object>> runs = given().auth().oauth2(TestTokens.token(tenant, "client")).when()
                .get("/workflows?definitionId={d}&size=100", definitionId).then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.get("caseId")).isEqualTo(systemCase.toString()));
        String runId = firings.getString("firings.find { it.status == 'STARTED' }.runId");
        JsonPath result = given().auth().oauth2(TestTokens.token(tenant, "client")).when()
                .get("/workflows/{id}?wait=20s", runId).then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("status")).isEqualTo("COMPLETED");
        JsonPath seen = given().auth().oauth2(TestTokens.token(tenant, "client")).when()
                .get("/workflows/{id}/result", runId).then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("result.kind")).isEqualTo("schedule");
        assertThat(ticks).contains(seen.getString("result.trigger.tick"));

        PeerEvents.definitionEvent(tenant, definitionId, "paused", "PAUSED", 1, 2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> trigger(tenant, definitionId).getString("nextFireAt") == null);
        int firedBeforePause = trigger(tenant, definitionId).getList("firings").size();
        // the positive signal that the ticker kept ticking meanwhile: another schedule fires twice after the pause
        String witness = PeerServices.activeDefinition(
                Definitions.echoingTrigger("witness", "{\"kind\": \"schedule\", \"interval\": \"PT1S\"}", null));
        PeerEvents.systemCaseFor(witness);
        PeerEvents.definitionEvent(tenant, witness, "started", "ACTIVE", 1, 1);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> trigger(tenant, witness).getList("firings.findAll { it.status == 'STARTED' }").size() >= 2);
        assertThat(trigger(tenant, definitionId).getList("firings")).hasSize(firedBeforePause);
    }

    @Test
    void aSingleInstanceScheduleSkipsTicksWhileItsRunIsStillGoing() {
        String tenant = "sch-" + UUID.randomUUID().toString().substring(0, 8);
        String definitionId = PeerServices.activeDefinition(Definitions.waitingForGo("one at a time",
                "{\"kind\": \"schedule\", \"interval\": \"PT1S\", \"singleInstance\": true}"));
        PeerEvents.systemCaseFor(definitionId);
        PeerEvents.definitionEvent(tenant, definitionId, "started", "ACTIVE", 1, 1);

        JsonPath skipping = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> trigger(tenant, definitionId),
                t -> t.getList("firings.findAll { it.status == 'SKIPPED' }").size() >= 2);
        assertThat(skipping.getList("firings.findAll { it.status == 'STARTED' }")).hasSize(1);
        assertThat(skipping.getString("firings.find { it.status == 'SKIPPED' }.reason")).contains("singleInstance");
        String waitingRun = skipping.getString("firings.find { it.status == 'STARTED' }.runId");
        given().auth().oauth2(TestTokens.token(tenant, "client")).when().get("/workflows/{id}", waitingRun).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("WAITING"));

        given().auth().oauth2(TestTokens.token(tenant, "client")).when().post("/workflows/{id}/signals/go", waitingRun)
                .then().statusCode(202);
        JsonPath next = await().atMost(Duration.ofSeconds(20)).until(() -> trigger(tenant, definitionId),
                t -> t.getList("firings.findAll { it.status == 'STARTED' }").size() >= 2);
        Set<String> runIds = new HashSet<>(next.getList("firings.findAll { it.status == 'STARTED' }.runId"));
        assertThat(runIds).hasSize(next.getList("firings.findAll { it.status == 'STARTED' }").size());
        PeerEvents.definitionEvent(tenant, definitionId, "finalized", "FINALIZED", 1, 2);
    }

    private static JsonPath trigger(String tenant, String definitionId) {
        return given().auth().oauth2(TestTokens.token(tenant, "operator")).when().get("/triggers/{id}", definitionId)
                .then().statusCode(200).extract().jsonPath();
    }
}
