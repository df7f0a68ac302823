package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.simple;
import static dev.orchestrion.definition.Api.tenant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DefinitionLifecycleTest {

    @Test
    void draftStartsPausesResumesAndFinalizes() {
        String t = tenant();
        String id = create(t, simple("Lifecycle"));
        as(t, "designer").get("/definitions/{id}", id).then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT")).body("publishedVersion", nullValue()).body("nodes", hasSize(3));

        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("publishedVersion", equalTo(1)).body("priority", equalTo(1));
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("ACTIVE"));
        as(t, "operator").post("/definitions/{id}/resume", id).then().statusCode(409).body("detail",
                containsString("ACTIVE"));
        as(t, "operator").post("/definitions/{id}/pause", id).then().statusCode(200).body("status", equalTo("PAUSED"));
        as(t, "operator").post("/definitions/{id}/resume", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(t, "operator").post("/definitions/{id}/finalize", id).then().statusCode(200).body("status",
                equalTo("FINALIZED"));
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(409).body("detail",
                containsString("FINALIZED"));
        as(t, "operator").post("/definitions/{id}/pause", id).then().statusCode(409);
        as(t, "designer").body(simple("Edited")).put("/definitions/{id}", id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("FINALIZED"));
        // final, but it can be duplicated
        as(t, "designer").post("/definitions/{id}/duplicate", id).then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("name", equalTo("Lifecycle (copy)"));
    }

    @Test
    void editingAnActiveDefinitionKeepsAPendingRevisionUntilPublished() {
        String t = tenant();
        String id = create(t, simple("Versions"));
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        as(t, "designer").body(simple("Versions v2")).put("/definitions/{id}", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("pendingRevision", equalTo(true))
                .body("publishedVersion", equalTo(1)).body("name", equalTo("Versions v2"));
        // the running version is untouched
        as(t, "service").get("/definitions/{id}/versions/1", id).then().statusCode(200)
                .body("name", equalTo("Versions")).body("version", equalTo(1)).body("definitionId", equalTo(id))
                .body("connections.size()", equalTo(0));
        as(t, "service").get("/definitions/{id}/versions/2", id).then().statusCode(404);

        as(t, "operator").post("/definitions/{id}/publish", id).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("publishedVersion", equalTo(2)).body("pendingRevision", equalTo(false));
        as(t, "client").get("/definitions/{id}/versions/2", id).then().statusCode(200).body("name",
                equalTo("Versions v2"));
        as(t, "client").get("/definitions/{id}/versions/1", id).then().statusCode(200).body("name",
                equalTo("Versions"));
        as(t, "operator").post("/definitions/{id}/publish", id).then().statusCode(409).body("detail",
                containsString("no pending revision"));
        as(t, "designer").get("/definitions/{id}/versions", id).then().statusCode(200).body("version",
                equalTo(java.util.List.of(1, 2)));
        as(t, "service").get("/definitions/{id}/parameter-schema", id).then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("ACTIVE"));

        // pending revision with an incident cannot be published
        String broken = simple("Versions v3").replace("\"value\": \"1\"", "\"value\": \"1 +\"");
        as(t, "designer").body(broken).put("/definitions/{id}", id).then().statusCode(200);
        as(t, "operator").post("/definitions/{id}/publish", id).then().statusCode(422)
                .contentType("application/problem+json").body("incidents.code", hasItem("INVALID_EXPRESSION"))
                .body("incidents.nodeId", hasItem("set"));
    }

    @Test
    void startIsRefusedWithEveryIncident() {
        String t = tenant();
        String body = """
                {"name": "Broken", "nodes": [
                  {"id": "start", "type": "start", "properties": {}},
                  {"id": "check", "type": "if", "properties": {}},
                  {"id": "call", "type": "http", "properties": {"connection": "nowhere", "url": "/x"}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "check"}]}""";
        String id = create(t, body);
        as(t, "designer").get("/definitions/{id}/incidents", id).then().statusCode(200)
                .body("incidents.code", hasItem("MISSING_PROPERTY")).body("incidents.code", hasItem("UNREACHABLE_NODE"))
                .body("incidents.code", hasItem("UNKNOWN_CONNECTION"));
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422)).body("incidents", hasSize(3));
        as(t, "designer").get("/definitions/{id}", id).then().body("status", equalTo("DRAFT"));
        as(t, "service").get("/definitions/{id}/parameter-schema", id).then().statusCode(200)
                .body("version", nullValue()).body("status", equalTo("DRAFT"));
    }

    @Test
    void deleteIsSoftAndPublishedVersionsStayReadable() {
        String t = tenant();
        String id = create(t, simple("Deleted later"));
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        as(t, "designer").delete("/definitions/{id}", id).then().statusCode(204);
        as(t, "designer").get("/definitions/{id}", id).then().statusCode(404).contentType("application/problem+json");
        as(t, "service").get("/definitions/{id}/versions/1", id).then().statusCode(200).body("name",
                equalTo("Deleted later"));
        as(t, "designer").get("/definitions").then().statusCode(200).body("total", equalTo(0));
        as(t, "designer").delete("/definitions/{id}", id).then().statusCode(404);
    }

    @Test
    void scheduledStartStartsTheDraftWhenItsTimeComes() {
        String t = tenant();
        String id = create(t, simple("Scheduled"));
        String at = java.time.Instant.now().plusSeconds(2).toString();
        as(t, "operator").body("{\"at\": \"" + at + "\"}").post("/definitions/{id}/start", id).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("scheduledStartAt", equalTo(at));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(
                () -> as(t, "operator").get("/definitions/{id}", id).then().body("status", equalTo("ACTIVE"))
                        .body("publishedVersion", equalTo(1)).body("scheduledStartAt", nullValue()));
    }

    @Test
    void staleRevisionsAreRefused() {
        String t = tenant();
        String id = create(t, simple("Concurrent"));
        as(t, "designer").header("If-Match", "\"0\"").body(simple("First")).put("/definitions/{id}", id).then()
                .statusCode(200).header("ETag", "\"1\"");
        as(t, "designer").header("If-Match", "\"0\"").body(simple("Second")).put("/definitions/{id}", id).then()
                .statusCode(409).contentType("application/problem+json").body("title", equalTo("Version conflict"));
        String withRevision = simple("Third").replaceFirst("\\{", "{\"revision\": 0, ");
        as(t, "designer").body(withRevision).put("/definitions/{id}", id).then().statusCode(409);
        as(t, "operator").header("If-Match", "\"0\"").post("/definitions/{id}/start", id).then().statusCode(409);
        as(t, "designer").get("/definitions/{id}", id).then().body("name", equalTo("First"));
    }

    @Test
    void rolesAndTenants() {
        String t = tenant();
        String id = create(t, simple("Guarded"));
        as(t, "client").body(simple("x")).post("/definitions").then().statusCode(403)
                .contentType("application/problem+json");
        as(t, "designer").post("/definitions/{id}/start", id).then().statusCode(403);
        as(t, "client").get("/definitions/{id}", id).then().statusCode(200);
        as("other-" + t, "admin").get("/definitions/{id}", id).then().statusCode(404);
        as("other-" + t, "admin").post("/definitions/{id}/start", id).then().statusCode(404);
        as("other-" + t, "admin").get("/definitions/{id}/versions/1", id).then().statusCode(404);
        io.restassured.RestAssured.given().get("/definitions/{id}", id).then().statusCode(401);
    }
}
