package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.contentType;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.invoke;
import static dev.orchestrion.content.support.ContentApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.testsupport.TestTokens;

/**
 * The workflow inbox: entries across content types that wait for a role, with what waits and how the entry differs
 * from its public version; the public version those differences are against can be read and compared.
 */
@QuarkusTest
class InboxTest {

    private final String tenant = unique("inbox");

    @Test
    void anApproverSeesWhatAwaitsApprovalAcrossTypesWithTheChangesToThePublicVersion() {
        String news = contentType(tenant, "approval");
        String pages = contentType(tenant, "approval");
        String drafts = contentType(tenant, "basic");

        String draft = entry(tenant, news, "Still a draft");
        String submitted = entry(tenant, news, "Submitted");
        invoke(tenant, "content-editor", news, submitted, "draft.submit", "Please").statusCode(200);
        String declined = entry(tenant, pages, "Declined");
        invoke(tenant, "content-editor", pages, declined, "draft.submit", null).statusCode(200);
        invoke(tenant, "content-approver", pages, declined, "awaitingApproval.decline", "No").statusCode(200);
        // published once, then edited and submitted again: it waits, with its changes to the public version
        String republished = entry(tenant, pages, "First words");
        invoke(tenant, "content-editor", pages, republished, "draft.submit", null).statusCode(200);
        invoke(tenant, "content-approver", pages, republished, "awaitingApproval.approve", null).statusCode(200);
        as(tenant, "content-editor").body("{\"title\":\"Better words\",\"body\":\"More\"}").when()
                .put("/api/v1/content/" + pages + "/" + republished).then().statusCode(200);
        invoke(tenant, "content-editor", pages, republished, "draft.submit", null).statusCode(200);
        String basicDraft = entry(tenant, drafts, "Basic draft");

        JsonPath approver = inbox("content-approver", "");
        assertThat(ids(approver)).containsExactly(basicDraft, republished, submitted);
        assertThat(approver.getInt("total_count")).isEqualTo(3);
        JsonPath onlyApprovals = inbox("content-approver", "?workflow=approval");
        assertThat(ids(onlyApprovals)).containsExactly(republished, submitted);
        Map<String, Object> waiting = item(onlyApprovals, republished);
        assertThat(path(waiting, "entry.internal.contentType")).isEqualTo(pages);
        assertThat(path(waiting, "entry.internal.workflowState")).isEqualTo("awaitingApproval");
        assertThat(path(waiting, "entry.title")).isEqualTo("Better words");
        assertThat(JsonPath.from(json(waiting)).getList("awaiting.event")).containsExactly("awaitingApproval.decline",
                "awaitingApproval.approve", "awaitingApproval.scheduledApprove");
        assertThat(JsonPath.from(json(waiting)).getList("awaiting.invokableNow")).containsExactly(true, true, false);
        assertThat(JsonPath.from(json(waiting)).getList("changedFields")).containsExactly("body", "title");
        assertThat(item(onlyApprovals, submitted).get("changedFields")).isNull();

        // the differences can be read in full against the public version, which stays readable
        int publicVersion = (Integer) path(waiting, "entry.internal.workflowPublicVersion");
        int latestVersion = (Integer) path(waiting, "entry.internal.latestVersion");
        as(tenant, "content-approver").when()
                .get("/api/v1/content/{type}/{id}/version/compare?from={from}&to={to}", pages, republished,
                        publicVersion, latestVersion)
                .then().statusCode(200).body("differences.field", containsInAnyOrder("title", "body"))
                .body("differences.find { it.field == 'title' }.from", equalTo("First words"))
                .body("differences.find { it.field == 'title' }.to", equalTo("Better words"));
        as(tenant, "content-approver").header("x-visibility", "public").when()
                .get("/api/v1/content/{type}/{id}", pages, republished).then().statusCode(200)
                .body("title", equalTo("First words"));

        // an editor's inbox: drafts to submit, submissions to revoke, declined entries to resubmit
        JsonPath editor = inbox("content-editor", "");
        assertThat(ids(editor)).containsExactly(basicDraft, republished, declined, submitted, draft);
        assertThat(ids(inbox("content-editor", "?workflow=approval&state=draft,declined"))).containsExactly(declined,
                draft);
        assertThat(ids(inbox("content-editor", "?type=" + pages))).containsExactly(republished, declined);
        // paged, latest change first
        JsonPath second = inbox("content-editor", "?limit=2&page=2");
        assertThat(ids(second)).containsExactly(declined, submitted);
        assertThat(second.getInt("total_count")).isEqualTo(5);
        assertThat(second.getInt("total_pages")).isEqualTo(3);

        // once approved it waits no more
        invoke(tenant, "content-approver", news, submitted, "awaitingApproval.approve", null).statusCode(200);
        assertThat(ids(inbox("content-approver", "?workflow=approval"))).containsExactly(republished);
        // another tenant's inbox is its own
        as(unique("other"), "content-approver").when().get("/api/v1/workflow/inbox").then().statusCode(200)
                .body("total_count", equalTo(0));
    }

    @Test
    void anEditorSeesTheirOwnDraftsAndSubmissions() {
        String news = contentType(tenant, "approval");
        String ada = "ada@" + tenant;
        String grace = "grace@" + tenant;
        String adasDraft = entryBy(ada, news, "Notes on the engine");
        String adasSubmission = entryBy(ada, news, "Sketch of the engine");
        String gracesDraft = entryBy(grace, news, "A compiler");
        given().auth().oauth2(TestTokens.tokenOf(ada, tenant, "content-editor")).contentType(ContentType.JSON)
                .body("{\"event\":\"draft.submit\"}").when()
                .post("/api/v1/content/" + news + "/" + adasSubmission + "/workflow/events").then().statusCode(200);

        assertThat(ids(inboxOf(ada, "?mine=true"))).containsExactly(adasSubmission, adasDraft);
        assertThat(ids(inboxOf(grace, "?mine=true"))).containsExactly(gracesDraft);
        assertThat(ids(inboxOf(grace, "?mine=false"))).containsExactly(gracesDraft, adasSubmission, adasDraft);
        assertThat(path(item(inboxOf(grace, ""), adasDraft), "entry.internal.createdBy")).isEqualTo(ada);
        // the author stays when someone else edits the entry
        given().auth().oauth2(TestTokens.tokenOf(grace, tenant, "content-editor")).contentType(ContentType.JSON)
                .body("{\"title\":\"Notes, edited\"}").when().put("/api/v1/content/" + news + "/" + adasDraft).then()
                .statusCode(200).body("internal.createdBy", equalTo(ada));
        assertThat(ids(inboxOf(ada, "?mine=true"))).containsExactly(adasDraft, adasSubmission);

        as(tenant, "content-editor").when().get("/api/v1/workflow/inbox?mine=maybe").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("mine"));
    }

    @Test
    void whoseInboxMayBeReadAndMalformedQueries() {
        String news = contentType(tenant, "approval");
        String submitted = entry(tenant, news, "Submitted");
        invoke(tenant, "content-editor", news, submitted, "draft.submit", null).statusCode(200);

        // one's own roles only; an admin may read any role's inbox, and has none of its own
        as(tenant, "content-editor").when().get("/api/v1/workflow/inbox?role=content-approver").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(ids(JsonPath.from(as(tenant, "admin").when().get("/api/v1/workflow/inbox?role=content-approver")
                .then().statusCode(200).extract().asString()))).containsExactly(submitted);
        as(tenant, "admin").when().get("/api/v1/workflow/inbox").then().statusCode(200).body("total_count", equalTo(0));
        as(tenant, "designer").when().get("/api/v1/workflow/inbox").then().statusCode(403);

        as(tenant, "content-approver").when().get("/api/v1/workflow/inbox?role=a b&state=x,,y&type=../x").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("role", "state", "type"));
        as(tenant, "content-approver").when().get("/api/v1/workflow/inbox?page=0&limit=1001").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("page", "limit"));
        // a page far past any data is refused, not wrapped around into a negative skip
        as(tenant, "content-approver").when().get("/api/v1/workflow/inbox?page=3000000&limit=1000").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("page"));
        as(tenant, "content-editor").when().get("/api/v1/content/" + news + "?page=3000000&limit=1000").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("page"));
        as(tenant, "content-approver").when().get("/api/v1/workflow/inbox?type=nosuchtype").then().statusCode(404);
        as(tenant, "content-approver").when().get("/api/v1/workflow/inbox?workflow=nosuchworkflow").then()
                .statusCode(404);
    }

    private String entryBy(String subject, String type, String title) {
        return given().auth().oauth2(TestTokens.tokenOf(subject, tenant, "content-editor"))
                .contentType(ContentType.JSON).body("{\"title\":\"" + title + "\"}").when()
                .post("/api/v1/content/" + type).then().statusCode(201).extract().path("id");
    }

    private JsonPath inboxOf(String subject, String query) {
        return JsonPath.from(given().auth().oauth2(TestTokens.tokenOf(subject, tenant, "content-editor")).when()
                .get("/api/v1/workflow/inbox" + query).then().statusCode(200).extract().asString());
    }

    private JsonPath inbox(String role, String query) {
        return JsonPath.from(as(tenant, role).when().get("/api/v1/workflow/inbox" + query).then().statusCode(200)
                .extract().asString());
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("data.entry.id");
    }

    private static Map<String, Object> item(JsonPath page, String id) {
        return page.getMap("data.find { it.entry.id == '" + id + "' }");
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> item, String dotted) {
        Object current = item;
        for (String key : dotted.split("\\.")) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    private static String json(Map<String, Object> item) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(item);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
