package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.get;
import static dev.orchestrion.content.support.ContentApi.invoke;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.content.support.ContentApi;
import dev.orchestrion.testsupport.TestTokens;

@QuarkusTest
class ContentTypeResourceTest {

    @Test
    void definesATypeWithTheDefaultWorkflowAndReadsItBackOnlyInItsTenant() {
        given().auth().oauth2(TestTokens.token("acme", "admin")).contentType(ContentType.JSON)
                .body("{\"label\":\"Blog posts\"}").when().put("/api/v1/internal/contenttype/post").then()
                .statusCode(200).body("workflowId", equalTo("saved")).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.token("acme", "content-editor")).when()
                .get("/api/v1/internal/contenttype/post").then().statusCode(200).body("label", equalTo("Blog posts"));
        given().auth().oauth2(TestTokens.token("globex", "content-editor")).when()
                .get("/api/v1/internal/contenttype/post").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void refusesNoTokenAndMalformedJson() {
        given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/internal/contenttype/post").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("acme", "admin")).contentType(ContentType.JSON).body("{").when()
                .put("/api/v1/internal/contenttype/post").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void acceptsSeed004sBodyAsItIs() {
        as("seed004", "admin")
                .body("{\"id\":\"d954df66-3623-11a4-ba9a-ca80993425cb\",\"name\":\"post\","
                        + "\"label\":\"Blog posts\",\"internal\":false,\"workflowId\":\"publishing\"}")
                .when().put("/api/v1/internal/contenttype/post").then().statusCode(200)
                .body("id", equalTo("d954df66-3623-11a4-ba9a-ca80993425cb")).body("workflowId", equalTo("publishing"))
                .body("internal", equalTo(false));
    }

    @Test
    void createsListsAndDeletesTypes() {
        String tenant = ContentApi.unique("types");
        as(tenant, "designer").body("{\"name\":\"article\",\"fields\":[" + ContentApi.TITLE_FIELD + "]}").when()
                .post("/api/v1/internal/contenttype").then().statusCode(201).body("name", equalTo("article"))
                .body("fields[0].name", equalTo("title")).body("fields[0].required", equalTo(true));
        as(tenant, "designer").body("{\"name\":\"article\"}").when().post("/api/v1/internal/contenttype").then()
                .statusCode(409);
        as(tenant, "designer").body("{\"name\":\"banner\"}").when().post("/api/v1/internal/contenttype").then()
                .statusCode(201);
        as(tenant, "content-editor").queryParam("limit", 1).when().get("/api/v1/internal/contenttype").then()
                .statusCode(200).body("total_count", equalTo(2)).body("data.name", contains("article"))
                .body("total_pages", equalTo(2));
        String id = entry(tenant, "article", "Kept");
        as(tenant, "designer").when().delete("/api/v1/internal/contenttype/article").then().statusCode(409);
        as(tenant, "content-editor").when().delete("/api/v1/content/article/" + id).then().statusCode(204);
        as(tenant, "designer").when().delete("/api/v1/internal/contenttype/article").then().statusCode(204);
        as(tenant, "designer").when().get("/api/v1/internal/contenttype/article").then().statusCode(404);
        as(tenant, "content-editor").body("{\"name\":\"sneaky\"}").when().post("/api/v1/internal/contenttype").then()
                .statusCode(403);
    }

    @Test
    void refusesBadDefinitionsListingEveryProblemAndStoresNothing() {
        String tenant = ContentApi.unique("badtypes");
        as(tenant, "designer")
                .body("{\"fields\":[{\"name\":\"id\",\"type\":\"text\"},{\"name\":\"x\",\"type\":"
                        + "\"blob\"},{\"name\":\"x\",\"type\":\"select\"}]}")
                .when().put("/api/v1/internal/contenttype/thing").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("fields[0].name",
                        "fields[1].type", "fields[2].name", "fields[2].validations.options"));
        as(tenant, "designer").body("{\"workflowId\":\"noSuchWorkflow\"}").when()
                .put("/api/v1/internal/contenttype/thing").then().statusCode(400)
                .body("errors[0].field", equalTo("workflowId"));
        as(tenant, "designer").body("{\"name\":\"other\"}").when().put("/api/v1/internal/contenttype/thing").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
        as(tenant, "designer").body("{\"label\":\"x\"}").when().put("/api/v1/internal/contenttype/9lives").then()
                .statusCode(400);
        as(tenant, "designer").body("{\"labels\":\"x\"}").when().put("/api/v1/internal/contenttype/thing").then()
                .statusCode(400).body("errors[0].field", equalTo("labels"));
        as(tenant, "designer").when().get("/api/v1/internal/contenttype/thing").then().statusCode(404);
    }

    @Test
    void changingTheWorkflowMapsEntriesToTheNewWorkflow() {
        String tenant = ContentApi.unique("migrate");
        String type = ContentApi.contentType(tenant, "approval");
        String draft = entry(tenant, type, "Stays a draft");
        String waiting = entry(tenant, type, "Was awaiting approval");
        invoke(tenant, "content-editor", type, waiting, "draft.submit", null).statusCode(200);
        as(tenant, "designer").body("{\"workflowId\":\"publishing\",\"fields\":[" + ContentApi.TITLE_FIELD + "]}")
                .when().put("/api/v1/internal/contenttype/" + type).then().statusCode(200)
                .body("workflowId", equalTo("publishing")).body("version", equalTo(2));
        get(tenant, type, draft).body("internal.workflowState", equalTo("draft")).body("sys.workflowId",
                equalTo("publishing"));
        get(tenant, type, waiting).body("internal.workflowState", equalTo("draft"));
        as(tenant, "content-editor").when().get("/api/v1/content/" + type + "/" + waiting + "/workflow/history").then()
                .body("data.event", hasItem("workflow.changed")).body("total_count", greaterThanOrEqualTo(3));
        ContentApi.transition(tenant, "content-editor", type, waiting, "_draft_review").statusCode(200);
    }
}
