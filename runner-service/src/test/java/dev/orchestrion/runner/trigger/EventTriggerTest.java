package dev.orchestrion.runner.trigger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
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
import dev.orchestrion.testsupport.EventContracts;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Event triggers, driven as in production: definitions become known through definition events, events arrive on
 * Kafka (POST /events, case events, entry events), and the runs they start are read through the run API.
 */
@QuarkusTest
class EventTriggerTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ORDER_PLACED = "{\"kind\": \"event\", \"eventType\": \"order.placed\"}";

    @Test
    void anEventStartsMatchingWorkflowsInPriorityOrderOnlyTheFirstOfAnExclusiveGroupAndNothingTwice() {
        String tenant = tenant();
        String grouped1 = PeerServices.activeDefinition(Definitions.echoingTrigger("g1", ORDER_PLACED, "welcome"));
        String grouped2 = PeerServices.activeDefinition(Definitions.echoingTrigger("g2", ORDER_PLACED, "welcome"));
        String free = PeerServices.activeDefinition(Definitions.echoingTrigger("free", ORDER_PLACED, null));
        String filtered = PeerServices.activeDefinition(Definitions.echoingTrigger("big orders",
                "{\"kind\": \"event\", \"eventType\": \"order.placed\", \"filter\": \"trigger.data.amount > 100\"}",
                null));
        PeerEvents.priorities(List.of(grouped2, free, grouped1, filtered));
        for (String id : List.of(grouped1, filtered, free, grouped2)) {
            PeerEvents.definitionEvent(tenant, id, "started", "ACTIVE", 1, 1);
        }
        awaitRegistered(tenant, 4);
        UUID caseId = PeerServices.existingCase(Map.of());

        String eventId = given().auth().oauth2(TestTokens.token(tenant, "client")).contentType(ContentType.JSON)
                .body(Map.of("type", "order.placed", "caseId", caseId, "data", Map.of("amount", 5))).when()
                .post("/events").then().statusCode(202).extract().path("id");

        List<Map<String, Object>> runs = awaitRuns(tenant, caseId, 2);
        // newest first: the run of position 1 (grouped2) started before the run of position 2 (free)
        assertThat(runs).extracting(r -> r.get("workflowDefinitionId")).containsExactly(free, grouped2);
        assertThat(Instant.parse((String) runs.get(1).get("createdAt")))
                .isBefore(Instant.parse((String) runs.get(0).get("createdAt")));
        JsonPath result = given().auth().oauth2(TestTokens.token(tenant, "client")).when()
                .get("/workflows/{id}?wait=20s", runs.get(1).get("id")).then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("status")).isEqualTo("COMPLETED");
        JsonPath seen = given().auth().oauth2(TestTokens.token(tenant, "client")).when()
                .get("/workflows/{id}/result", runs.get(1).get("id")).then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("result.kind")).isEqualTo("event");
        assertThat(seen.getString("result.trigger.eventType")).isEqualTo("order.placed");
        assertThat(seen.getString("result.trigger.eventId")).isEqualTo(eventId);
        assertThat(seen.getInt("result.trigger.data.amount")).isEqualTo(5);

        ConsumerRecord<String, String> published = KafkaRecords.withEventId("workflow.trigger-events", eventId);
        EventContracts.assertCloudEvent(published);
        assertThat(published.key()).isEqualTo(tenant + ":order.placed");
        KafkaRecords.awaitConsumed("runner-triggers", PeerEvents.republish(published));
        assertThat(runsOf(tenant, caseId)).hasSize(2);

        given().auth().oauth2(TestTokens.token(tenant, "client")).contentType(ContentType.JSON)
                .body(Map.of("type", "order.placed", "caseId", caseId, "data", Map.of("amount", 500))).when()
                .post("/events").then().statusCode(202);
        assertThat(awaitRuns(tenant, caseId, 4)).extracting(r -> r.get("workflowDefinitionId")).contains(filtered);
    }

    @Test
    void caseEventsTriggerRunsForTheirCaseAndEntryEventsForTheSystemCase() {
        String tenant = tenant();
        String onCase = PeerServices.activeDefinition(Definitions.echoingTrigger("on case",
                "{\"kind\": \"event\", \"eventType\": \"case.created\", \"filter\": \"'firstName' in trigger.data.fields\"}",
                null));
        String onEntry = PeerServices.activeDefinition(Definitions.echoingTrigger("on entry",
                "{\"kind\": \"event\", \"eventType\": \"entry.published\"}", null));
        UUID systemCase = PeerEvents.systemCaseFor(onEntry);
        PeerEvents.definitionEvent(tenant, onCase, "started", "ACTIVE", 1, 1);
        PeerEvents.definitionEvent(tenant, onEntry, "started", "ACTIVE", 1, 1);
        awaitRegistered(tenant, 2);

        UUID caseId = PeerServices.existingCase(Map.of("firstName", "Ada"));
        PeerEvents.caseEvent(tenant, caseId, "created");
        assertThat(awaitRuns(tenant, caseId, 1).get(0).get("workflowDefinitionId")).isEqualTo(onCase);

        PeerEvents.entryPublished(tenant, "entry-1");
        assertThat(awaitRuns(tenant, systemCase, 1).get(0).get("workflowDefinitionId")).isEqualTo(onEntry);
        PeerEvents.entryPublished(tenant, "entry-2");
        awaitRuns(tenant, systemCase, 2);
    }

    @Test
    void aPausedDefinitionIsNotTriggered() {
        String tenant = tenant();
        String paused = PeerServices.activeDefinition(Definitions.echoingTrigger("paused later",
                "{\"kind\": \"event\", \"eventType\": \"invoice.sent\"}", null));
        PeerEvents.definitionEvent(tenant, paused, "started", "ACTIVE", 1, 1);
        awaitRegistered(tenant, 1);
        PeerEvents.definitionEvent(tenant, paused, "paused", "PAUSED", 1, 2);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> given().auth().oauth2(TestTokens.token(tenant, "operator")).when()
                        .get("/triggers/{id}", paused).then().extract().path("status").equals("PAUSED"));
        UUID caseId = PeerServices.existingCase(Map.of());
        String eventId = given().auth().oauth2(TestTokens.token(tenant, "client")).contentType(ContentType.JSON)
                .body(Map.of("type", "invoice.sent", "caseId", caseId)).when().post("/events").then().statusCode(202)
                .extract().path("id");
        KafkaRecords.awaitConsumed("runner-triggers", KafkaRecords.withEventId("workflow.trigger-events", eventId));
        assertThat(runsOf(tenant, caseId)).isEmpty();
    }

    @Test
    void badEventsAreClientErrors() {
        String token = TestTokens.token("acme", "client");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("type", "case.created")).when()
                .post("/events").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("type"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"data\": {}}").when().post("/events").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("type"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"type\": \"x\", \"caseId\": \"nope\"}")
                .when().post("/events").then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("type", "x")).when().post("/events").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("acme", "designer")).contentType(ContentType.JSON)
                .body(Map.of("type", "x")).when().post("/events").then().statusCode(403);
    }

    static void awaitRegistered(String tenant, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.token(tenant, "operator"))
                .when().get("/triggers").then().statusCode(200).extract().jsonPath().getList("$").size() >= count);
    }

    static List<Map<String, Object>> awaitRuns(String tenant, UUID caseId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> runsOf(tenant, caseId), runs -> runs.size() >= count);
    }

    static List<Map<String, Object>> runsOf(String tenant, UUID caseId) {
        return given().auth().oauth2(TestTokens.token(tenant, "client")).when()
                .get("/workflows?caseId={c}&size=50", caseId).then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    static String tenant() {
        return "trg-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
