package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.contentType;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.get;
import static dev.orchestrion.content.support.ContentApi.invoke;
import static dev.orchestrion.content.support.ContentApi.transition;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.content.support.ContentApi;
import dev.orchestrion.content.support.EntryEventsTopic;
import dev.orchestrion.content.support.EntryEventsTopic.Event;
import dev.orchestrion.testsupport.TestTokens;

/** The approval workflow end to end through both API styles, and every answer of the event endpoint. */
@QuarkusTest
class ApprovalWorkflowTest {

    private static final String TENANT = "approvals";
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
    void walksSubmitDeclineResubmitApproveByEventsWithHistoryAndEvents() {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "Gunpowder");
        get(TENANT, type, id).statusCode(200).body("internal.workflowState", equalTo("draft"))
                .body("sys.availableEvents", contains("draft.submit"));

        invoke(TENANT, "content-editor", type, id, "draft.submit", "Please review").statusCode(200)
                .body("internal.workflowState", equalTo("awaitingApproval")).body("id", equalTo(id))
                .body("title", equalTo("Gunpowder"));
        invoke(TENANT, "content-approver", type, id, "awaitingApproval.decline", "Too short").statusCode(200)
                .body("internal.workflowState", equalTo("declined"));
        invoke(TENANT, "content-editor", type, id, "declined.submit", null).statusCode(200)
                .body("internal.workflowState", equalTo("awaitingApproval"));
        invoke(TENANT, "content-approver", type, id, "awaitingApproval.approve", "Fine").statusCode(200)
                .body("internal.workflowState", equalTo("published")).body("internal.latestVersion", equalTo(2))
                .body("internal.workflowPublicVersion", equalTo(2)).body("sys.versionNo", equalTo("1.0"));

        as(TENANT, "content-editor").when().get("/api/v1/content/" + type + "/" + id + "/workflow/history").then()
                .statusCode(200).body("total_count", equalTo(5))
                .body("data.event",
                        contains("created", "draft.submit", "awaitingApproval.decline", "declined.submit",
                                "awaitingApproval.approve"))
                .body("data[1].from", equalTo("draft")).body("data[1].to", equalTo("awaitingApproval"))
                .body("data[1].who", equalTo("tester@" + TENANT)).body("data[1].message", equalTo("Please review"))
                .body("data[2].message", equalTo("Too short")).body("data[4].to", equalTo("published"))
                .body("data[1].when", containsString("T"));

        List<Event> events = topic.await(id, 6);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.headers()).containsEntry("ce_source", "/orchestrion/content-workflow-service")
                    .containsEntry("ce_subject", id).containsEntry("ce_tenant", TENANT);
            assertThat(e.data().get("entryId").asText()).isEqualTo(id);
        });
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(events.get(2).data().get("event").asText()).isEqualTo("awaitingApproval.decline");
        assertThat(events.get(2).data().get("message").asText()).isEqualTo("Too short");
        assertThat(events.get(2).data().get("actor").asText()).isEqualTo("tester@" + TENANT);
        assertThat(events).extracting(Event::type).containsExactly("dev.orchestrion.entry.created",
                "dev.orchestrion.entry.workflow-event-invoked", "dev.orchestrion.entry.workflow-event-invoked",
                "dev.orchestrion.entry.workflow-event-invoked", "dev.orchestrion.entry.workflow-event-invoked",
                "dev.orchestrion.entry.published");
    }

    @Test
    void walksTheSameWorkflowByTransitionNames() {
        String type = contentType(TENANT, "contensisEntryApproval");
        String id = entry(TENANT, type, "Oolong");
        as(TENANT, "content-editor").when().get("/api/v1/workflow/" + type + "/" + id).then().statusCode(200)
                .body("state", equalTo("draft")).body("enabled_transitions.name", contains("_draft_awaitingApproval"))
                .body("enabled_transitions[0].froms", contains("draft"))
                .body("enabled_transitions[0].tos", contains("awaitingApproval"));
        transition(TENANT, "content-editor", type, id, "_draft_awaitingApproval").statusCode(200)
                .body("internal.workflowState", equalTo("awaitingApproval"));
        as(TENANT, "content-approver").when().get("/api/v1/workflow/" + type + "/" + id).then().body(
                "enabled_transitions.name", contains("_awaitingApproval_declined", "_awaitingApproval_published"));
        as(TENANT, "content-editor").when().get("/api/v1/workflow/" + type + "/" + id).then()
                .body("enabled_transitions.name", contains("_awaitingApproval_draft"));
        transition(TENANT, "content-approver", type, id, "_awaitingApproval_published").statusCode(200)
                .body("internal.workflowState", equalTo("published"));
        // the other style sees the same entry
        as(TENANT, "content-approver").when().get("/api/v1/content/" + type + "/" + id + "/workflow/events").then()
                .statusCode(200).body("event", contains("published.unpublish"))
                .body("[0].permission", equalTo("approval.published.unpublish"))
                .body("[0].transition", equalTo("_published_draft"));
        invoke(TENANT, "content-approver", type, id, "published.unpublish", "Withdrawn").statusCode(200)
                .body("internal.workflowState", equalTo("draft")).body("internal.workflowPublicVersion", equalTo(""))
                .body("internal.workflowPublishedAt", equalTo(-1));
        assertThat(topic.await(id,
                events -> events.stream().anyMatch(e -> e.type().equals("dev.orchestrion.entry.unpublished"))))
                .extracting(Event::type).contains("dev.orchestrion.entry.published");
    }

    @Test
    void answersEveryStatusOfTheEventEndpoint() {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "Sencha");
        String path = "/api/v1/content/" + type + "/" + id + "/workflow/events";
        // 401
        given().contentType(ContentType.JSON).body("{\"event\":\"draft.submit\"}").when().post(path).then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.tokenSignedByAStranger(TENANT, "admin")).contentType(ContentType.JSON)
                .body("{\"event\":\"draft.submit\"}").when().post(path).then().statusCode(401);
        // 403: an approver may not submit, a designer may not invoke at all
        invoke(TENANT, "content-approver", type, id, "draft.submit", null).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("approval.draft.submit"));
        invoke(TENANT, "designer", type, id, "draft.submit", null).statusCode(403);
        // 404: unknown entry, unknown type, another tenant's entry
        invoke(TENANT, "content-editor", type, "nope", "draft.submit", null).statusCode(404)
                .contentType("application/problem+json");
        invoke(TENANT, "content-editor", "noSuchType", id, "draft.submit", null).statusCode(404);
        invoke("elsewhere", "content-editor", type, id, "draft.submit", null).statusCode(404);
        // 409: not valid in the current state
        invoke(TENANT, "content-approver", type, id, "awaitingApproval.approve", null).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("state draft"));
        // 400: malformed body, unknown event, missing event
        as(TENANT, "content-editor").body("{\"event\":").when().post(path).then().statusCode(400)
                .contentType("application/problem+json");
        as(TENANT, "content-editor").body("{\"event\":\"draft.fly\"}").when().post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("event"));
        as(TENANT, "content-editor").body("{\"data\":{}}").when().post(path).then().statusCode(400).body("errors.field",
                hasItem("event"));
        as(TENANT, "content-editor").body("{\"event\":\"draft.submit\",\"data\":\"text\"}").when().post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("data"));
        // 200, then 422 for a missing decline reason with the definition's message
        invoke(TENANT, "content-editor", type, id, "draft.submit", null).statusCode(200);
        invoke(TENANT, "content-approver", type, id, "awaitingApproval.decline", null).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("data.message"))
                .body("errors[0].message", equalTo("The decline reason is required"));
        // 422: invokableWhen does not hold (no publish schedule, so not "approve and schedule")
        invoke(TENANT, "content-approver", type, id, "awaitingApproval.scheduledApprove", null).statusCode(422)
                .body("errors[0].field", equalTo("invokableWhen"))
                .body("errors[0].message", containsString("isScheduledForPublish()"));
        // nothing of the refused invocations changed the entry
        get(TENANT, type, id).body("internal.workflowState", equalTo("awaitingApproval"));
        as(TENANT, "content-editor").when().get("/api/v1/content/" + type + "/" + id + "/workflow/history").then()
                .body("total_count", equalTo(2));
    }

    @Test
    void answersEveryStatusOfTheTransitionEndpoint() {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "Genmaicha");
        String path = "/api/v1/workflow/" + type + "/" + id;
        given().contentType(ContentType.JSON).body("{\"action\":\"_draft_awaitingApproval\"}").when().put(path).then()
                .statusCode(401).contentType("application/problem+json");
        given().when().get(path).then().statusCode(401);
        transition(TENANT, "content-approver", type, id, "_draft_awaitingApproval").statusCode(403)
                .contentType("application/problem+json");
        transition(TENANT, "content-editor", type, "missing", "_draft_awaitingApproval").statusCode(404);
        transition("nobody", "content-editor", type, id, "_draft_awaitingApproval").statusCode(404);
        transition(TENANT, "content-approver", type, id, "_awaitingApproval_published").statusCode(409);
        transition(TENANT, "content-editor", type, id, "_draft_published").statusCode(400).body("errors[0].field",
                equalTo("action"));
        as(TENANT, "content-editor").body("{\"action\":").when().put(path).then().statusCode(400);
        transition(TENANT, "content-editor", type, id, "_draft_awaitingApproval").statusCode(200);
        // 422: decline needs its reason, which this style passes in data
        transition(TENANT, "content-approver", type, id, "_awaitingApproval_declined").statusCode(422)
                .body("errors[0].message", equalTo("The decline reason is required"));
        as(TENANT, "content-approver")
                .body("{\"action\":\"_awaitingApproval_declined\",\"data\":{\"message\":" + "\"Needs work\"}}").when()
                .put(path).then().statusCode(200).body("internal.workflowState", equalTo("declined"));
        // 422: the entry no longer fits its type and resubmitting validates it
        as(TENANT, "designer")
                .body("{\"workflowId\":\"approval\",\"fields\":[" + ContentApi.TITLE_FIELD
                        + ",{\"name\":\"summary\",\"type\":\"text\",\"required\":true}]}")
                .when().put("/api/v1/internal/contenttype/" + type).then().statusCode(200);
        transition(TENANT, "content-editor", type, id, "_declined_awaitingApproval").statusCode(422)
                .body("errors[0].field", equalTo("summary"));
        // 422: with a publish schedule, publishing now is not what the approval does
        as(TENANT, "content-editor").body("{\"title\":\"Genmaicha\",\"summary\":\"Toasted rice\"}").when()
                .put("/api/v1/content/" + type + "/" + id).then().statusCode(200);
        transition(TENANT, "content-editor", type, id, "_declined_awaitingApproval").statusCode(200);
        as(TENANT, "content-editor").body("{\"dateTime\":\"" + Instant.now().plusSeconds(3600) + "\"}").when()
                .put("/api/v1/content/" + type + "/" + id + "/schedules/publish").then().statusCode(200);
        transition(TENANT, "content-approver", type, id, "_awaitingApproval_published").statusCode(422)
                .body("errors[0].message", containsString("_awaitingApproval_scheduled"));
        transition(TENANT, "content-approver", type, id, "_awaitingApproval_scheduled").statusCode(200)
                .body("internal.workflowState", equalTo("scheduled"));
    }

    @Test
    void validateRefusesAnEntryThatNoLongerFitsItsType() {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "Matcha");
        // the type gains a required field the entry lacks
        as(TENANT, "designer")
                .body("{\"workflowId\":\"approval\",\"fields\":[" + ContentApi.TITLE_FIELD
                        + ",{\"name\":\"summary\",\"type\":\"text\",\"required\":true}]}")
                .when().put("/api/v1/internal/contenttype/" + type).then().statusCode(200);
        invoke(TENANT, "content-editor", type, id, "draft.submit", null).statusCode(422)
                .body("errors[0].field", equalTo("summary")).body("errors[0].message", equalTo("is required"));
        get(TENANT, type, id).body("internal.workflowState", equalTo("draft"));
    }

    @Test
    void aServiceTokenInvokesEventsForWorkflowRunsAsRunnerServiceDoes() {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "Assam");
        invoke(TENANT, "service", type, id, "draft.submit", "submitted by run 42").statusCode(200)
                .body("internal.workflowState", equalTo("awaitingApproval"));
        invoke(TENANT, "service", type, id, "awaitingApproval.approve", "approved by run 42").statusCode(200)
                .body("internal.workflowState", equalTo("published"));
        invoke(TENANT, "service", type, id, "published.fly", null).statusCode(400);
        invoke("other", "service", type, id, "published.unpublish", null).statusCode(404);
        as(TENANT, "content-editor").when().get("/api/v1/content/" + type + "/" + id + "/workflow/history").then()
                .body("data[1].message", equalTo("submitted by run 42"));
    }

    @Test
    void anEntryInAwaitingApprovalCannotBeEdited() {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "Darjeeling");
        invoke(TENANT, "content-editor", type, id, "draft.submit", null).statusCode(200);
        as(TENANT, "content-editor").body("{\"title\":\"Changed\"}").when().put("/api/v1/content/" + type + "/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("awaitingApproval"));
        get(TENANT, type, id).body("title", equalTo("Darjeeling")).body("internal.latestVersion", equalTo(1));
        as(TENANT, "content-approver").when().get("/api/v1/content/" + type + "/" + id + "/workflow/events").then()
                .body("event", contains("awaitingApproval.decline", "awaitingApproval.approve"));
        as(TENANT, "designer").when().get("/api/v1/content/" + type + "/" + id + "/workflow/events").then()
                .statusCode(200).body("$", empty());
    }
}
