package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.contentType;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.get;
import static dev.orchestrion.content.support.ContentApi.getPublic;
import static dev.orchestrion.content.support.ContentApi.invoke;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.content.support.ContentApi;
import dev.orchestrion.content.support.EntryEventsTopic;

/** Entries in seed 004's style: internal fields, validation, versions, concurrency, lists and public visibility. */
@QuarkusTest
class EntryResourceTest {

    private static final String TENANT = "entries";

    @Test
    void createsAnEntryWithItsInternalSection() {
        String type = contentType(TENANT, "publishing");
        as(TENANT, "content-editor")
                .body("{\"id\":\"snipcart-584874\",\"title\":\"Gunpowder Temple Of Heaven\","
                        + "\"internal\":{\"contentType\":\"ignored\"}}")
                .when().post("/api/v1/content/" + type).then().statusCode(201)
                .header("Location", containsString("/api/v1/content/" + type + "/snipcart-584874"))
                .header("ETag", equalTo("\"1\"")).body("id", equalTo("snipcart-584874"))
                .body("title", equalTo("Gunpowder Temple Of Heaven")).body("internal.contentType", equalTo(type))
                .body("internal.workflowState", equalTo("draft")).body("internal.deletedAt", equalTo(""))
                .body("internal.latestVersion", equalTo(1)).body("internal.workflowPublishedAt", equalTo(-1))
                .body("internal.workflowPublicVersion", equalTo("")).body("internal.createdAt", containsString("T"))
                .body("sys.versionNo", equalTo("0.1"));
        as(TENANT, "content-editor").body("{\"id\":\"snipcart-584874\",\"title\":\"Again\"}").when()
                .post("/api/v1/content/" + type).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void refusesInvalidEntriesListingEveryFailureAndStoresNothing() {
        String type = contentType(TENANT, "saved");
        as(TENANT, "content-editor").body("{\"id\":\"bad-one\",\"title\":7,\"body\":[],\"colour\":\"red\"}").when()
                .post("/api/v1/content/" + type).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("colour", "title", "body"));
        get(TENANT, type, "bad-one").statusCode(404);
        as(TENANT, "content-editor").body("[1,2]").when().post("/api/v1/content/" + type).then().statusCode(400);
        as(TENANT, "content-editor").body("{\"title\":").when().post("/api/v1/content/" + type).then().statusCode(400)
                .contentType("application/problem+json");
        as(TENANT, "content-editor").body("{\"id\":\"a/b\",\"title\":\"x\"}").when().post("/api/v1/content/" + type)
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        as(TENANT, "content-editor").body("{\"title\":\"x\"}").when().post("/api/v1/content/noSuchType").then()
                .statusCode(404);
        as(TENANT, "content-editor").when().get("/api/v1/content/" + type).then().body("total_count", equalTo(0));
    }

    @Test
    void everySaveIsAVersionNumberedBothWaysAndVersionsCompare() {
        String type = contentType(TENANT, "approval");
        String id = entry(TENANT, type, "First");
        update(type, id, "{\"title\":\"Second\",\"body\":\"Text\"}").statusCode(200)
                .body("internal.latestVersion", equalTo(2)).body("sys.versionNo", equalTo("0.2"));
        update(type, id, "{\"title\":\"Third\",\"body\":\"Text\"}").statusCode(200)
                .body("internal.latestVersion", equalTo(3)).body("sys.versionNo", equalTo("0.3"));
        invoke(TENANT, "content-editor", type, id, "draft.submit", null).statusCode(200);
        invoke(TENANT, "content-approver", type, id, "awaitingApproval.approve", null).statusCode(200)
                .body("internal.latestVersion", equalTo(4)).body("sys.versionNo", equalTo("1.0"));
        update(type, id, "{\"title\":\"Fourth\"}").statusCode(200).body("internal.latestVersion", equalTo(5))
                .body("sys.versionNo", equalTo("1.1"));
        String versions = "/api/v1/content/" + type + "/" + id + "/version";
        as(TENANT, "content-editor").when().get(versions).then().statusCode(200).body("total_count", equalTo(5))
                .body("data.latestVersion", contains(5, 4, 3, 2, 1))
                .body("data.versionNo", contains("1.1", "1.0", "0.3", "0.2", "0.1"))
                .body("data.kind", contains("saved", "published", "saved", "saved", "created"));
        as(TENANT, "content-editor").queryParam("page", 2).queryParam("limit", 2).when().get(versions).then()
                .body("data.latestVersion", contains(3, 2)).body("total_pages", equalTo(3))
                .body("current_page", equalTo(2));
        as(TENANT, "content-editor").when().get(versions + "/2").then().statusCode(200)
                .body("versionNo", equalTo("0.2")).body("entry.title", equalTo("Second"))
                .body("entry.internal.latestVersion", equalTo(2))
                .body("entry.internal.workflowPublicVersion", equalTo(""));
        as(TENANT, "content-editor").when().get(versions + "/4").then()
                .body("entry.internal.workflowState", equalTo("published"))
                .body("entry.internal.workflowPublicVersion", equalTo(4));
        as(TENANT, "content-editor").when().get(versions + "/9").then().statusCode(404);
        as(TENANT, "content-editor").queryParam("from", 1).queryParam("to", 5).when().get(versions + "/compare").then()
                .statusCode(200).body("fromVersionNo", equalTo("0.1")).body("toVersionNo", equalTo("1.1"))
                .body("differences", hasSize(1)).body("differences[0].field", equalTo("title"))
                .body("differences[0].change", equalTo("changed")).body("differences[0].from", equalTo("First"))
                .body("differences[0].to", equalTo("Fourth"));
        as(TENANT, "content-editor").queryParam("from", 1).queryParam("to", 3).when().get(versions + "/compare").then()
                .body("differences.field", contains("body", "title"))
                .body("differences.change", contains("added", "changed"));
        as(TENANT, "content-editor").queryParam("from", "one").when().get(versions + "/compare").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(TENANT, "content-editor").queryParam("from", 1).when().get(versions + "/compare").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void publicVisibilityShowsThePublishedVersionNotLaterEdits() {
        String type = contentType(TENANT, "basic");
        String draftOnly = entry(TENANT, type, "Never published");
        String id = entry(TENANT, type, "Published text");
        invoke(TENANT, "content-editor", type, id, "draft.publish", null).statusCode(200);
        update(type, id, "{\"title\":\"Edited after publishing\"}").statusCode(200)
                .body("internal.workflowState", equalTo("draft")).body("internal.latestVersion", equalTo(3))
                .body("internal.workflowPublicVersion", equalTo(2));
        get(TENANT, type, id).body("title", equalTo("Edited after publishing"));
        getPublic(TENANT, type, id).statusCode(200).body("title", equalTo("Published text"))
                .body("internal.latestVersion", equalTo(2)).body("internal.workflowState", equalTo("published"))
                .body("internal.workflowPublicVersion", equalTo(2)).body("sys.versionNo", equalTo("1.0"));
        getPublic(TENANT, type, draftOnly).statusCode(404).contentType("application/problem+json");
        as(TENANT, "content-editor").header("x-visibility", "public").when().get("/api/v1/content/" + type).then()
                .statusCode(200).body("total_count", equalTo(1)).body("data.id", contains(id))
                .body("data[0].title", equalTo("Published text"));
        as(TENANT, "content-editor").header("x-visibility", "public")
                .queryParam("filters", "{\"title\":{\"type\":\"contains\",\"filter\":\"after\"}}").when()
                .get("/api/v1/content/" + type).then().body("total_count", equalTo(0));
        String versions = "/api/v1/content/" + type + "/" + id + "/version";
        as(TENANT, "content-editor").header("x-visibility", "public").when().get(versions).then()
                .body("data.latestVersion", contains(2));
        as(TENANT, "content-editor").header("x-visibility", "public").when().get(versions + "/3").then()
                .statusCode(404);
        as(TENANT, "content-editor").header("x-visibility", "public").body("{\"title\":\"x\"}").when()
                .put("/api/v1/content/" + type + "/" + id).then().statusCode(400);
        as(TENANT, "content-editor").header("x-visibility", "everything").when().get("/api/v1/content/" + type).then()
                .statusCode(400).body("errors[0].field", equalTo("x-visibility"));
        // publishing the edit replaces the public version
        invoke(TENANT, "content-editor", type, id, "draft.publish", null).statusCode(200);
        getPublic(TENANT, type, id).body("title", equalTo("Edited after publishing"))
                .body("internal.latestVersion", equalTo(4)).body("sys.versionNo", equalTo("2.0"));
    }

    @Test
    void aStaleVersionIsAConflict() {
        String type = contentType(TENANT, "saved");
        String id = entry(TENANT, type, "One");
        String etag = get(TENANT, type, id).extract().header("ETag");
        as(TENANT, "content-editor").header("If-Match", etag).body("{\"title\":\"Two\"}").when()
                .put("/api/v1/content/" + type + "/" + id).then().statusCode(200).header("ETag", not(etag));
        as(TENANT, "content-editor").header("If-Match", etag).body("{\"title\":\"Lost update\"}").when()
                .put("/api/v1/content/" + type + "/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        as(TENANT, "content-editor").body("{\"title\":\"Lost too\",\"internal\":{\"latestVersion\":1}}").when()
                .put("/api/v1/content/" + type + "/" + id).then().statusCode(409);
        as(TENANT, "content-editor").header("If-Match", "yesterday").body("{\"title\":\"x\"}").when()
                .put("/api/v1/content/" + type + "/" + id).then().statusCode(400);
        get(TENANT, type, id).body("title", equalTo("Two")).body("internal.latestVersion", equalTo(2));
        as(TENANT, "content-editor").body("{\"title\":\"Three\",\"internal\":{\"latestVersion\":2}}").when()
                .put("/api/v1/content/" + type + "/" + id).then().statusCode(200)
                .body("internal.latestVersion", equalTo(3));
        as(TENANT, "content-editor").body("{\"id\":\"other\",\"title\":\"x\"}").when()
                .put("/api/v1/content/" + type + "/" + id).then().statusCode(400);
    }

    @Test
    void listsFilterSortAndPage() {
        String type = contentType(TENANT, "publishing");
        for (String title : new String[]{"Alpha tea", "Beta coffee", "Gamma tea", "Delta juice"}) {
            entry(TENANT, type, title);
        }
        String gamma = as(TENANT, "content-editor")
                .queryParam("filters", "{\"title\":{\"type\":\"equals\",\"filter\":\"Gamma tea\"}}").when()
                .get("/api/v1/content/" + type).then().extract().path("data[0].id");
        ContentApi.transition(TENANT, "content-editor", type, gamma, "_draft_review").statusCode(200);
        String list = "/api/v1/content/" + type;
        as(TENANT, "content-editor").when().get(list).then().statusCode(200).body("total_count", equalTo(4))
                .body("count", equalTo(4)).body("current_page", equalTo(1)).body("total_pages", equalTo(1));
        as(TENANT, "content-editor").queryParam("filters", "{\"title\":{\"type\":\"contains\",\"filter\":\"TEA\"}}")
                .queryParam("order_by", "title").queryParam("order_direction", "desc").when().get(list).then()
                .body("data.title", contains("Gamma tea", "Alpha tea"));
        as(TENANT, "content-editor")
                .queryParam("filters", "{\"internal.workflowState\":{\"type\":\"equals\",\"filter\":\"review\"}}")
                .when().get(list).then().body("data.title", contains("Gamma tea"));
        as(TENANT, "content-editor").queryParam("order_by", "title").queryParam("limit", 3).queryParam("page", 2).when()
                .get(list).then().body("data.title", contains("Gamma tea")).body("total_pages", equalTo(2));
        as(TENANT, "content-editor").queryParam("filters", "{\"nope\":{\"type\":\"equals\",\"filter\":1}}").when()
                .get(list).then().statusCode(400).body("errors[0].field", equalTo("filters.nope"));
        as(TENANT, "content-editor").queryParam("limit", "lots").when().get(list).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("someone-else", "content-editor").when().get(list).then().statusCode(404);
    }

    @Test
    void deletedEntriesAreGoneAndRolesGateWrites() {
        String type = contentType(TENANT, "saved");
        String id = entry(TENANT, type, "Short-lived");
        as(TENANT, "designer").body("{\"title\":\"x\"}").when().post("/api/v1/content/" + type).then().statusCode(403)
                .contentType("application/problem+json");
        as(TENANT, "client").when().get("/api/v1/content/" + type + "/" + id).then().statusCode(403);
        given().when().get("/api/v1/content/" + type + "/" + id).then().statusCode(401);
        as("intruder", "admin").when().delete("/api/v1/content/" + type + "/" + id).then().statusCode(404);
        as(TENANT, "content-editor").when().delete("/api/v1/content/" + type + "/" + id).then().statusCode(204);
        get(TENANT, type, id).statusCode(404);
        as(TENANT, "content-editor").when().delete("/api/v1/content/" + type + "/" + id).then().statusCode(404);
        as(TENANT, "content-editor").body("{\"id\":\"" + id + "\",\"title\":\"Back\"}").when()
                .post("/api/v1/content/" + type).then().statusCode(409);
        as(TENANT, "designer").when().get("/api/v1/content/" + type).then().statusCode(200)
                .body("total_count", equalTo(0)).body("data[0]", nullValue());
    }

    @Test
    void savesAndDeletionsAreAnnouncedOnTheTopic() {
        String type = contentType(TENANT, "saved");
        String id = entry(TENANT, type, "Announced");
        update(type, id, "{\"title\":\"Announced again\",\"body\":\"New\"}").statusCode(200);
        as(TENANT, "content-editor").when().delete("/api/v1/content/" + type + "/" + id).then().statusCode(204);
        try (EntryEventsTopic topic = new EntryEventsTopic()) {
            var events = topic.await(id, 3);
            assertThat(events).extracting(e -> e.type()).containsExactly("dev.orchestrion.entry.created",
                    "dev.orchestrion.entry.updated", "dev.orchestrion.entry.deleted");
            assertThat(events.get(1).data().get("changedFields").toString()).isEqualTo("[\"body\",\"title\"]");
            assertThat(events.get(1).data().get("latestVersion").asInt()).isEqualTo(2);
        }
    }

    private static io.restassured.response.ValidatableResponse update(String type, String id, String body) {
        return as(TENANT, "content-editor").contentType(ContentType.JSON).body(body).when()
                .put("/api/v1/content/" + type + "/" + id).then();
    }
}
