package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.contentType;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.get;
import static dev.orchestrion.content.support.ContentApi.getPublic;
import static dev.orchestrion.content.support.ContentApi.invoke;
import static dev.orchestrion.content.support.ContentApi.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.content.support.ContentApi;
import dev.orchestrion.content.support.EntryEventsTopic;
import dev.orchestrion.content.support.EntryEventsTopic.Event;

/** The basic, publishing and saved workflows end to end through both API styles. */
@QuarkusTest
class BasicAndPublishingWorkflowTest {

    private static final String TENANT = "editorial";
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
    void publishingCyclesDraftReviewPublicArchiveByTransitionNames() {
        String type = contentType(TENANT, "publishing");
        String id = entry(TENANT, type, "Pu-erh");
        String flow = "/api/v1/workflow/" + type + "/" + id;
        as(TENANT, "content-editor").when().get(flow).then().statusCode(200).body("state", equalTo("draft"))
                .body("enabled_transitions.name", contains("_draft_review"));
        transition(TENANT, "content-editor", type, id, "_draft_review").statusCode(200).body("internal.workflowState",
                equalTo("review"));
        as(TENANT, "content-editor").when().get(flow).then().body("state", equalTo("review"))
                .body("enabled_transitions.name", contains("_review_public", "_review_draft"));
        transition(TENANT, "content-editor", type, id, "_review_public").statusCode(200)
                .body("internal.workflowState", equalTo("public")).body("internal.latestVersion", equalTo(2))
                .body("internal.workflowPublicVersion", equalTo(2))
                .body("internal.workflowPublishedAt", notNullValue());
        String publishedAt = get(TENANT, type, id).extract().path("internal.workflowPublishedAt");
        get(TENANT, type, id).body("internal.updatedAt", equalTo(publishedAt));
        getPublic(TENANT, type, id).statusCode(200).body("title", equalTo("Pu-erh"));
        transition(TENANT, "content-editor", type, id, "_public_archive").statusCode(200)
                .body("internal.workflowState", equalTo("archive")).body("internal.workflowPublicVersion", equalTo(""))
                .body("internal.workflowPublishedAt", equalTo(-1));
        getPublic(TENANT, type, id).statusCode(404);
        as(TENANT, "content-editor").when().get(flow).then().body("enabled_transitions", empty());
        transition(TENANT, "content-editor", type, id, "_public_draft").statusCode(409)
                .contentType("application/problem+json");
        assertThat(topic.await(id, 5)).extracting(Event::type).containsExactly("dev.orchestrion.entry.created",
                "dev.orchestrion.entry.workflow-event-invoked", "dev.orchestrion.entry.workflow-event-invoked",
                "dev.orchestrion.entry.published", "dev.orchestrion.entry.workflow-event-invoked",
                "dev.orchestrion.entry.unpublished");
    }

    @Test
    void publishingWorksByEventsTooAndRefusesUnknownActions() {
        String type = contentType(TENANT, "publishing");
        String id = entry(TENANT, type, "Rooibos");
        invoke(TENANT, "content-editor", type, id, "draft.review", null).statusCode(200);
        invoke(TENANT, "content-approver", type, id, "review.public", null).statusCode(200)
                .body("internal.workflowState", equalTo("public"));
        transition(TENANT, "content-editor", type, id, "_public_draft").statusCode(200)
                .body("internal.workflowState", equalTo("draft")).body("internal.workflowPublicVersion", equalTo(""));
        transition(TENANT, "content-editor", type, id, "_draft_nowhere").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("action"))
                .body("errors[0].message", containsString("_draft_review"));
        transition(TENANT, "content-editor", type, id, "draft_review").statusCode(400);
        as(TENANT, "content-editor").body("{}").when().put("/api/v1/workflow/" + type + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("action"));
        as(TENANT, "content-editor").body("{\"action\":\"_draft_review\",\"colour\":1}").when()
                .put("/api/v1/workflow/" + type + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        transition(TENANT, "designer", type, id, "_draft_review").statusCode(403);
        transition(TENANT, "content-editor", type, "missing", "_draft_review").statusCode(404);
        transition("stranger", "content-editor", type, id, "_draft_review").statusCode(404);
        get(TENANT, type, id).body("internal.workflowState", equalTo("draft"));
    }

    @Test
    void basicPublishesADraftNowOrOnItsScheduleAndBothStylesSeeIt() {
        String type = contentType(TENANT, "contensisEntryBasic");
        String id = entry(TENANT, type, "Earl Grey");
        as(TENANT, "content-editor").when().get("/api/v1/workflow/" + type + "/" + id).then()
                .body("enabled_transitions.name", contains("_draft_published"));
        invoke(TENANT, "content-editor", type, id, "draft.publish", "Go").statusCode(200)
                .body("internal.workflowState", equalTo("published")).body("sys.versionNo", equalTo("1.0"));
        as(TENANT, "content-editor").when().get("/api/v1/workflow/" + type + "/" + id).then()
                .body("state", equalTo("published")).body("enabled_transitions.name", contains("_published_draft"));
        transition(TENANT, "content-editor", type, id, "_published_draft").statusCode(200)
                .body("internal.workflowState", equalTo("draft"));
        getPublic(TENANT, type, id).statusCode(404);
    }

    @Test
    void savedIsTheDefaultOneStateWorkflow() {
        String type = plainType(TENANT);
        String id = entry(TENANT, type, "Chai");
        get(TENANT, type, id).body("internal.workflowState", equalTo("saved"))
                .body("internal.workflowPublishedAt", equalTo(-1)).body("internal.workflowPublicVersion", equalTo(""))
                .body("sys.availableEvents", empty());
        as(TENANT, "content-editor").when().get("/api/v1/workflow/" + type + "/" + id).then()
                .body("state", equalTo("saved")).body("enabled_transitions", empty());
        transition(TENANT, "content-editor", type, id, "_saved_saved").statusCode(400);
    }

    @Test
    void listsTheWorkflowsContentTypesMayFollow() {
        as(TENANT, "content-editor").when().get("/api/v1/workflow").then().statusCode(200)
                .body("data.id", hasItems("saved", "basic", "approval", "publishing"))
                .body("data.find { it.id == 'publishing' }.states", contains("draft", "review", "public", "archive"))
                .body("data.find { it.id == 'publishing' }.initialState", equalTo("draft"))
                .body("data.find { it.id == 'approval' }.aliases", contains("contensisEntryApproval"))
                .body("data.find { it.id == 'approval' }.transitions.name",
                        hasItems("_draft_awaitingApproval", "_awaitingApproval_scheduled"));
    }

    /** A type that names no workflow. */
    private static String plainType(String tenant) {
        String name = ContentApi.unique("note");
        as(tenant, "admin").body("{\"fields\":[" + ContentApi.TITLE_FIELD + "]}").when()
                .put("/api/v1/internal/contenttype/" + name).then().statusCode(200)
                .body("workflowId", equalTo("saved"));
        return name;
    }
}
