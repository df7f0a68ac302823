package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.contentType;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.get;
import static dev.orchestrion.content.support.ContentApi.getPublic;
import static dev.orchestrion.content.support.ContentApi.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.content.support.EntryEventsTopic;
import dev.orchestrion.content.support.EntryEventsTopic.Event;

/** Publish and unpublish schedules carried out on time by the scheduler, and approval guarding publication. */
@QuarkusTest
class ScheduleTest {

    private static final String TENANT = "schedules";
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
    void anApprovedEntryWaitsScheduledAndIsPublishedWhenItsDateComes() {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "Scheduled tea");
        invoke(TENANT, "content-editor", type, id, "draft.submit", null).statusCode(200);
        Instant at = Instant.now().plusSeconds(6);
        schedule(type, id, "publish", at.toString()).statusCode(200).body("publish.status", equalTo("pending"))
                .body("unpublish", nullValue());
        as(TENANT, "content-approver").when().get("/api/v1/content/" + type + "/" + id + "/workflow/events").then()
                .body("event", contains("awaitingApproval.decline", "awaitingApproval.scheduledApprove"));
        as(TENANT, "content-approver").when().get("/api/v1/workflow/" + type + "/" + id).then()
                .body("enabled_transitions.name", hasItem("_awaitingApproval_scheduled"));
        invoke(TENANT, "content-approver", type, id, "awaitingApproval.approve", null).statusCode(422);
        invoke(TENANT, "content-approver", type, id, "awaitingApproval.scheduledApprove", null).statusCode(200)
                .body("internal.workflowState", equalTo("scheduled"))
                .body("internal.workflowPublicVersion", equalTo(""));
        getPublic(TENANT, type, id).statusCode(404);

        awaitState(type, id, "published");
        assertThat(Instant.now()).isAfterOrEqualTo(at);
        get(TENANT, type, id).body("internal.workflowPublicVersion", equalTo(2)).body("sys.versionNo", equalTo("1.0"));
        getPublic(TENANT, type, id).statusCode(200).body("title", equalTo("Scheduled tea"));
        schedules(type, id).body("publish.status", equalTo("done"));
        as(TENANT, "content-editor").when().get("/api/v1/content/" + type + "/" + id + "/workflow/history").then()
                .body("data.event", hasItem("schedule.publish"));
        assertThat(topic.await(id, events -> events.stream().anyMatch(e -> e.type().endsWith(".published"))))
                .filteredOn(e -> e.type().endsWith(".published")).singleElement()
                .satisfies(e -> assertThat(e.data().get("actor").asText()).isEqualTo("system:scheduler"));
    }

    @Test
    void aScheduleThatPassesUnapprovedIsFlaggedMissedAndNothingIsPublished() {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "Forgotten tea");
        invoke(TENANT, "content-editor", type, id, "draft.submit", null).statusCode(200);
        schedule(type, id, "publish", Instant.now().plusSeconds(2).toString()).statusCode(200);
        Awaitility.await("the schedule to be flagged missed").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "missed".equals(schedules(type, id).extract().path("publish.status")));
        get(TENANT, type, id).body("internal.workflowState", equalTo("awaitingApproval"))
                .body("internal.workflowPublicVersion", equalTo(""));
        getPublic(TENANT, type, id).statusCode(404);
        as(TENANT, "content-editor").when().get("/api/v1/content/" + type + "/" + id + "/workflow/history").then()
                .body("data.event", hasItem("schedule.missed"));
        // approved late, it is published now: the missed schedule is no longer a schedule
        invoke(TENANT, "content-approver", type, id, "awaitingApproval.approve", null).statusCode(200)
                .body("internal.workflowState", equalTo("published"));
    }

    @Test
    void anUnpublishScheduleWithdrawsThePublicVersionOnTime() {
        String type = contentType(TENANT, "basic");
        String id = entry(TENANT, type, "Seasonal tea");
        invoke(TENANT, "content-editor", type, id, "draft.publish", null).statusCode(200);
        schedule(type, id, "unpublish", Instant.now().plusSeconds(2).toString()).statusCode(200)
                .body("unpublish.status", equalTo("pending"));
        awaitState(type, id, "draft");
        get(TENANT, type, id).body("internal.workflowPublicVersion", equalTo("")).body("internal.workflowPublishedAt",
                equalTo(-1));
        getPublic(TENANT, type, id).statusCode(404);
        schedules(type, id).body("unpublish.status", equalTo("done"));
        assertThat(topic.await(id, events -> events.stream().anyMatch(e -> e.type().endsWith(".unpublished"))))
                .extracting(Event::type).contains("dev.orchestrion.entry.published");
    }

    @Test
    void removingThePublishDateOfAScheduledEntryCancelsItsPublication() {
        String type = contentType(TENANT, "basic");
        String id = entry(TENANT, type, "Maybe later");
        schedule(type, id, "publish", Instant.now().plusSeconds(3600).toString()).statusCode(200);
        invoke(TENANT, "content-editor", type, id, "draft.publish", null).statusCode(200).body("internal.workflowState",
                equalTo("scheduled"));
        as(TENANT, "content-editor").when().delete("/api/v1/content/" + type + "/" + id + "/schedules/publish").then()
                .statusCode(204);
        get(TENANT, type, id).body("internal.workflowState", equalTo("draft"));
        schedules(type, id).body("publish", nullValue());
        as(TENANT, "content-editor").when().delete("/api/v1/content/" + type + "/" + id + "/schedules/unpublish").then()
                .statusCode(204);
    }

    @Test
    void refusesSchedulesThatCannotBe() {
        String type = contentType(TENANT, "basic");
        String id = entry(TENANT, type, "Never");
        schedule(type, id, "publish", "2001-01-01T00:00:00Z").statusCode(400).body("errors[0].field",
                equalTo("dateTime"));
        schedule(type, id, "publish", "tomorrow").statusCode(400).contentType("application/problem+json");
        as(TENANT, "content-editor").body("{}").when().put("/api/v1/content/" + type + "/" + id + "/schedules/publish")
                .then().statusCode(400).body("errors[0].field", equalTo("dateTime"));
        schedule(type, id, "publish", Instant.now().plusSeconds(7200).toString()).statusCode(200);
        schedule(type, id, "unpublish", Instant.now().plusSeconds(3600).toString()).statusCode(400);
        schedule(type, id, "sometime", Instant.now().plusSeconds(3600).toString()).statusCode(404);
        String flotiq = contentType(TENANT, "publishing");
        String other = entry(TENANT, flotiq, "Flotiq");
        as(TENANT, "content-editor").body("{\"dateTime\":\"" + Instant.now().plusSeconds(60) + "\"}").when()
                .put("/api/v1/content/" + flotiq + "/" + other + "/schedules/publish").then().statusCode(409);
        as(TENANT, "designer").body("{\"dateTime\":\"" + Instant.now().plusSeconds(60) + "\"}").when()
                .put("/api/v1/content/" + type + "/" + id + "/schedules/publish").then().statusCode(403);
        as("not-schedules", "content-editor").when().get("/api/v1/content/" + type + "/" + id + "/schedules").then()
                .statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse schedule(String type, String id, String kind,
            String dateTime) {
        return as(TENANT, "content-editor").body("{\"dateTime\":\"" + dateTime + "\"}").when()
                .put("/api/v1/content/" + type + "/" + id + "/schedules/" + kind).then();
    }

    private static io.restassured.response.ValidatableResponse schedules(String type, String id) {
        return as(TENANT, "content-editor").when().get("/api/v1/content/" + type + "/" + id + "/schedules").then()
                .statusCode(200);
    }

    private static void awaitState(String type, String id, String state) {
        Awaitility.await("entry " + id + " to be " + state).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> state.equals(get(TENANT, type, id).extract().path("internal.workflowState")));
    }
}
