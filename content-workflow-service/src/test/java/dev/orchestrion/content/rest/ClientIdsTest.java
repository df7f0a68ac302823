package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.content.support.ContentApi;

/**
 * Malformed ids (a lone surrogate, a NUL, {@code ../}) are refused at the edge (issue 11, section 2): 404 in a path,
 * 400 naming the field in a body, through service-support's one rule for name-like ids.
 */
@QuarkusTest
class ClientIdsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aMalformedIdInAPathIsNotFound() {
        String tenant = ContentApi.unique("ids");
        String type = ContentApi.contentType(tenant, "basic");
        for (String path : List.of("/api/v1/content/%ED%A0%80", "/api/v1/content/" + type + "/..%2F..%2Fx",
                "/api/v1/workflow-definitions/%ED%A0%80", "/api/v1/internal/contenttype/..%2F",
                "/api/v1/content/" + type + "/%20x/workflow/events")) {
            as(tenant, "admin").urlEncodingEnabled(false).when().get(path).then().statusCode(404).contentType(PROBLEM);
        }
        // a NUL is the edge's text rule: 400 naming the parameter
        as(tenant, "admin").urlEncodingEnabled(false).when().get("/api/v1/content/" + type + "/a%00b").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", org.hamcrest.Matchers.hasItem("id"));
        as(tenant, "admin").urlEncodingEnabled(false).body("{\"event\": \"draft.publish\"}").when()
                .post("/api/v1/content/" + type + "/%ED%A0%80/workflow/events").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void aMalformedIdInABodyIsA400NamingTheField() {
        String tenant = ContentApi.unique("ids");
        as(tenant, "designer").body("{\"label\": \"X\", \"workflowId\": \"\\ud800\", \"fields\": []}").when()
                .put("/api/v1/internal/contenttype/" + ContentApi.unique("t")).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("workflowId")));
        as(tenant, "designer").body("{\"id\": \"../x\", \"label\": \"X\", \"fields\": []}").when()
                .put("/api/v1/internal/contenttype/" + ContentApi.unique("t")).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("id"));
        String type = ContentApi.contentType(tenant, "basic");
        as(tenant, "content-editor").body("{\"id\": \"a\\u0000b\", \"title\": \"x\"}").when()
                .post("/api/v1/content/" + type).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("id")));
    }
}
