package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.simple;
import static dev.orchestrion.definition.Api.tenant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Malformed ids (not a UUID, a lone surrogate, {@code ../}) are refused at the edge (issue 11, section 2): 404 in a
 * path, 400 naming the field in a body or query, through service-support's one rule.
 */
@QuarkusTest
class ClientIdsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aMalformedIdInAPathIsNotFound() {
        String t = tenant();
        for (String path : List.of("/definitions/%ED%A0%80", "/definitions/not-a-uuid/incidents",
                "/definitions/..%2F..%2Fpriorities/versions/1", "/folders/%00", "/connections/1-1-1-1-1",
                "/templates/..%2Fx")) {
            as(t, "admin").urlEncodingEnabled(false).when().get(path).then().statusCode(404).contentType(PROBLEM);
        }
        as(t, "admin").urlEncodingEnabled(false).body(simple("x")).when().put("/definitions/%ED%A0%80").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aMalformedIdInABodyIsA400NamingTheField() {
        String t = tenant();
        as(t, "designer").body("{\"name\": \"x\", \"folderId\": \"\\ud800\"}").post("/definitions").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("folderId")))
                .body("errors.message", hasItem("must be a UUID"));
        as(t, "designer").body("{\"name\": \"f\", \"parentId\": \"../x\"}").post("/folders").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("parentId")))
                .body("errors.message", hasItem("must be a UUID"));
        String id = create(t, simple("x"));
        as(t, "designer").body("{\"folderId\": \"1-1-1-1-1\"}").post("/definitions/{id}/move", id).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("folderId")));
        as(t, "designer").body("{\"action\": \"delete\", \"ids\": [\"" + id + "\", \"../" + id + "\"]}")
                .post("/definitions/bulk").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("ids[1]")));
        as(t, "operator").body("{\"order\": [\"\\ud800\"]}").put("/priorities").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("order[0]")));
        as(t, "designer").get("/definitions/{id}", id).then().statusCode(200).body("deleted", equalTo(null));
    }

    @Test
    void aMalformedIdInAQueryIsA400NamingIt() {
        String t = tenant();
        as(t, "designer").urlEncodingEnabled(false).get("/definitions?folderId=..%2Fx").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("folderId")));
        as(t, "designer").get("/definitions?folderId=root").then().statusCode(200);
        as(t, "designer").urlEncodingEnabled(false).get("/definitions/export?id=%ED%A0%80").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("id[0]")));
        String file = as(t, "designer").get("/definitions/{id}/export", create(t, simple("x"))).then().statusCode(200)
                .extract().asString();
        as(t, "designer").urlEncodingEnabled(false).body(file).post("/definitions/import?folderId=%00").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("folderId")));
        String folder = OrganisingTest.folder(t, "F", null);
        as(t, "designer").urlEncodingEnabled(false).delete("/folders/{id}?moveContentsTo=..%2F", folder).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("moveContentsTo")));
    }
}
