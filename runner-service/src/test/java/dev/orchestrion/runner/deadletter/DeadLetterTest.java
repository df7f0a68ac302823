package dev.orchestrion.runner.deadletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.Definitions;
import dev.orchestrion.runner.KafkaRecords;
import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.testsupport.TestTokens;

/**
 * A record that a shared consumer cannot process for its own reason is dead-lettered at once (stored, published to
 * {@code <topic>.dlq}, listed and replayable through {@code /dead-letters}), and the partition moves on: one tenant's
 * poisoned record never holds up another tenant's triggers, bindings and schedules.
 */
@QuarkusTest
class DeadLetterTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REGISTRY = "runner-trigger-registry";
    private static final String ORDER_PLACED = "{\"kind\": \"event\", \"eventType\": \"order.placed\"}";
    private static final String PING = """
            {"name": "Ping hook", "parameters": [],
             "trigger": {"kind": "http", "method": "GET", "path": "ping"},
             "nodes": [
               {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
               {"id": "end", "type": "end", "name": "End", "position": {"x": 200, "y": 0}, "properties": {}}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "end"}],
             "dataConnectors": []}""";

    @Test
    void aPoisonedDefinitionIsDeadLetteredAtOnceWhileAnotherTenantsTriggersBindingsAndSchedulesWork() {
        String poisoned = tenant("poison");
        String healthy = tenant("healthy");
        // the registry is consuming: a first definition of the healthy tenant is registered
        String warmUp = PeerServices.activeDefinition(
                Definitions.echoingTrigger("warm-up", "{\"kind\": \"event\", \"eventType\": \"warmed.up\"}", null));
        PeerEvents.definitionEvent(healthy, warmUp, "started", "ACTIVE", 1, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> triggers(healthy).size() == 1);

        // names PostgreSQL cannot store: a NUL character, and more characters than the registry's column holds
        String nulName = PeerServices
                .activeDefinition(Definitions.echoingTrigger("bad\\u0000name", ORDER_PLACED, null));
        String longName = PeerServices
                .activeDefinition(Definitions.echoingTrigger("n".repeat(400), ORDER_PLACED, null));
        // one ahead of whatever comes next on each partition of workflow.definition-events
        PeerEvents.definitionEventOn(0, poisoned, nulName, "started", "ACTIVE", 1, 1);
        PeerEvents.definitionEventOn(1, poisoned, longName, "started", "ACTIVE", 1, 1);

        String onEvent = PeerServices.activeDefinition(Definitions.echoingTrigger("on order", ORDER_PLACED, null));
        String hook = PeerServices.activeDefinition(PING);
        String schedule = PeerServices.activeDefinition(
                Definitions.echoingTrigger("every second", "{\"kind\": \"schedule\", \"interval\": \"PT1S\"}", null));
        PeerEvents.systemCaseFor(hook);
        PeerEvents.systemCaseFor(schedule);
        for (String id : List.of(onEvent, hook, schedule)) {
            PeerEvents.definitionEvent(healthy, id, "started", "ACTIVE", 1, 1);
        }
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> triggers(healthy).size() == 4);

        // ... and they work: an event starts a run, the binding answers, the schedule fires
        UUID caseId = PeerServices.existingCase(Map.of());
        given().auth().oauth2(TestTokens.token(healthy, "client")).contentType(ContentType.JSON)
                .body(Map.of("type", "order.placed", "caseId", caseId)).when().post("/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(TestTokens.token(healthy, "client")).when()
                        .get("/workflows?caseId={c}&definitionId={d}", caseId, onEvent).then().statusCode(200).extract()
                        .jsonPath().getInt("total") == 1);
        String key = given().auth().oauth2(TestTokens.token(healthy, "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "key", "definitionIds", List.of(hook))).when().post("/api-keys").then()
                .statusCode(201).extract().path("key");
        given().header("X-API-Key", key).when().get("/hooks/{tenant}/ping", healthy).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> given().auth().oauth2(TestTokens.token(healthy, "operator")).when()
                        .get("/triggers/{id}", schedule).then().statusCode(200).extract().jsonPath()
                        .getList("firings.findAll { it.status == 'STARTED' }").size() >= 1);

        // the poisoned records are in the dead-letter store, visible to their tenant's operators only
        List<Map<String, Object>> letters = await().atMost(Duration.ofSeconds(10))
                .until(() -> deadLetters(poisoned, "consumer=" + REGISTRY), l -> l.size() == 2);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.get("topic")).isEqualTo("workflow.definition-events");
            assertThat(letter.get("tenant")).isEqualTo(poisoned);
            assertThat(letter.get("status")).isEqualTo("DEAD");
            assertThat(letter.get("eventType")).isEqualTo("dev.orchestrion.definition.started");
            assertThat((String) letter.get("error")).isNotBlank();
        });
        assertThat(letters).extracting(l -> l.get("key")).containsExactlyInAnyOrder(nulName, longName);
        assertThat(letters).extracting(l -> (String) l.get("error"))
                .anySatisfy(error -> assertThat(error).containsIgnoringCase("too long"));
        assertThat(deadLetters(healthy, "")).isEmpty();
        String someId = (String) letters.get(0).get("id");
        given().auth().oauth2(TestTokens.token(healthy, "operator")).when().get("/dead-letters/{id}", someId).then()
                .statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.token(poisoned, "client")).when().get("/dead-letters").then().statusCode(403);

        // ... and on the dead-letter topic, with the error in the headers
        List<ConsumerRecord<String, String>> onDlq = KafkaRecords.read("workflow.definition-events.dlq",
                r -> REGISTRY.equals(CloudEventHeaders.header(r, "dlq-consumer"))
                        && poisoned.equals(CloudEventHeaders.tenant(r)),
                2);
        assertThat(onDlq).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(nulName, longName);
        assertThat(onDlq).allSatisfy(r -> assertThat(CloudEventHeaders.header(r, "dlq-reason")).isNotBlank());

        // replaying a record that still fails is refused, and the attempt is recorded
        given().auth().oauth2(TestTokens.token(poisoned, "operator")).when().post("/dead-letters/{id}/replay", someId)
                .then().statusCode(422).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.token(poisoned, "operator")).when().get("/dead-letters/{id}", someId).then()
                .statusCode(200).body("status", equalTo("DEAD")).body("replays", equalTo(1))
                .body("lastReplayError", org.hamcrest.Matchers.notNullValue());

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern(
                "orchestrion_consumer_rejected_total\\{[^}]*consumer=\"runner-trigger-registry\"[^}]*outcome=\"dead-lettered\"");
    }

    @Test
    void aDeadLetterReplaysOnceAfterTheFixAndAgainChangesNothing() {
        String tenant = tenant("replay");
        String triggerJson = Definitions.echoingTrigger("late", ORDER_PLACED, null);
        // definition-service does not know the version yet: the event names something that does not exist
        String definitionId = UUID.randomUUID().toString();
        PeerEvents.definitionEvent(tenant, definitionId, "started", "ACTIVE", 1, 1);
        Map<String, Object> letter = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters(tenant, "consumer=" + REGISTRY), l -> l.size() == 1).get(0);
        assertThat(triggers(tenant)).isEmpty();

        // the fix: definition-service now answers for it
        PeerServices.publish(definitionId, triggerJson, "ACTIVE", 1, Map.of());
        given().auth().oauth2(TestTokens.token(tenant, "operator")).when()
                .post("/dead-letters/{id}/replay", letter.get("id")).then().statusCode(200)
                .body("status", equalTo("REPLAYED")).body("replays", equalTo(1))
                .body("lastReplayBy", org.hamcrest.Matchers.notNullValue());
        assertThat(triggers(tenant)).extracting(t -> t.get("definitionId")).containsExactly(definitionId);

        // a second replay answers the same dead letter and runs nothing
        given().auth().oauth2(TestTokens.token(tenant, "admin")).when()
                .post("/dead-letters/{id}/replay", letter.get("id")).then().statusCode(200)
                .body("status", equalTo("REPLAYED")).body("replays", equalTo(1));
        given().auth().oauth2(TestTokens.token(tenant, "operator")).when()
                .get("/dead-letters?status=REPLAYED&consumer=" + REGISTRY).then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void unreadableRunEventsAreDeadLetteredByEachSharedConsumerAndRecordsWithoutATenantOnlyByThePlatform() {
        String tenant = tenant("garbage");
        String eventId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId);
        headers.put("ce_type", "dev.orchestrion.run.completed");
        headers.put("ce_tenant", tenant);
        PeerEvents.rawRecord("workflow.run-events", UUID.randomUUID().toString(), headers, "{not json");
        List<Map<String, Object>> letters = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters(tenant, "topic=workflow.run-events"), l -> l.size() == 2);
        assertThat(letters).extracting(l -> l.get("consumer")).containsExactlyInAnyOrder("runner-webhooks",
                "runner-stats");
        assertThat(letters).allSatisfy(l -> {
            assertThat(l.get("eventId")).isEqualTo(eventId);
            assertThat(l.get("payload")).isEqualTo("{not json");
        });

        // a business event that names no tenant at all
        String orphanId = UUID.randomUUID().toString();
        Map<String, String> orphan = new LinkedHashMap<>();
        orphan.put("ce_specversion", "1.0");
        orphan.put("ce_id", orphanId);
        orphan.put("ce_type", "dev.orchestrion.trigger.event");
        PeerEvents.rawRecord("workflow.trigger-events", "x", orphan, "{\"eventType\": \"order.placed\"}");
        String platform = TestTokens.token(tenant("ops"), "platform-operator");
        Map<String, Object> orphanLetter = await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(platform).when()
                        .get("/dead-letters?consumer=runner-triggers&size=200").then().statusCode(200).extract()
                        .jsonPath().<Map<String, Object>>getList("items").stream()
                        .filter(l -> orphanId.equals(l.get("eventId"))).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(orphanLetter.get("tenant")).isNull();
        assertThat((String) orphanLetter.get("error")).contains("tenant");
        given().auth().oauth2(TestTokens.token(tenant, "admin")).when()
                .get("/dead-letters/{id}", orphanLetter.get("id")).then().statusCode(404);
        given().auth().oauth2(platform).when().get("/dead-letters/{id}", orphanLetter.get("id")).then().statusCode(200)
                .body("topic", equalTo("workflow.trigger-events")).body("consumer", startsWith("runner-triggers"));
    }

    private static List<Map<String, Object>> deadLetters(String tenant, String query) {
        return given().auth().oauth2(TestTokens.token(tenant, "operator")).when().get("/dead-letters?size=200&" + query)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<Map<String, Object>> triggers(String tenant) {
        JsonPath body = given().auth().oauth2(TestTokens.token(tenant, "operator")).when().get("/triggers").then()
                .statusCode(200).extract().jsonPath();
        return body.getList("$");
    }

    private static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
