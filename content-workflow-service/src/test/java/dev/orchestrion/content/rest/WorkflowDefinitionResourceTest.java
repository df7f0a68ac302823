package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.content.support.ContentApi;

/** Workflow definitions in seed 003's format: CRUD, validation, built-ins and their aliases. */
@QuarkusTest
class WorkflowDefinitionResourceTest {

    private static final String TENANT = "definitions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acceptsSeed003sExampleUnchangedAndReturnsItsPresentationFields() throws IOException {
        String seed = seed();
        String tenant = "seed003";
        String returned = as(tenant, "designer").body(seed).when().post("/api/v1/workflow-definitions").then()
                .statusCode(201).extract().asString();
        JsonNode sent = JSON.readTree(seed);
        ObjectNode stored = (ObjectNode) JSON.readTree(returned);
        assertThat(stored.get("isSystem").asBoolean()).as("a tenant's definition is never a system one").isFalse();
        assertThat(stored.at("/version/versionNo").asText()).isEqualTo("0.1");
        assertThat(stored.at("/version/createdBy").asText()).isEqualTo("tester@" + tenant);
        // everything else comes back exactly as sent
        ObjectNode expected = ((ObjectNode) sent).deepCopy();
        expected.remove(List.of("isSystem", "version"));
        stored.remove(List.of("isSystem", "version"));
        assertThat(stored).isEqualTo(expected);
        as(tenant, "content-editor").when().get("/api/v1/workflow-definitions/CustomEntryApproval").then()
                .statusCode(200).body("projectId", equalTo("website"))
                .body("states[1].uiEditorView", equalTo("previousPublishedVersionCompare"))
                .body("states[0].events[0].uiAction", equalTo("navigateToEntryListing"))
                .body("states[0].events[0].parameters[0].editor.id", equalTo("multiline"))
                .body("states[0].color", equalTo("cobalt"));
        // and it runs: a content type follows it; its events name no roles, so only admins (and runs) invoke them
        String type = ContentApi.unique("custom");
        as(tenant, "designer")
                .body("{\"workflowId\":\"CustomEntryApproval\",\"fields\":[" + ContentApi.TITLE_FIELD + "]}").when()
                .put("/api/v1/internal/contenttype/" + type).then().statusCode(200);
        String id = entry(tenant, type, "Custom");
        invoke(tenant, "content-editor", type, id, "draft.submit", null).statusCode(403);
        invoke(tenant, "admin", type, id, "draft.submit", null).statusCode(200).body("internal.workflowState",
                equalTo("awaitingApproval"));
        invoke(tenant, "admin", type, id, "awaitingApproval.decline", null).statusCode(422).body("errors[0].message",
                equalTo("The decline reason is required"));
        invoke(tenant, "content-editor", type, id, "awaitingApproval.approve", null).statusCode(403);
        invoke(tenant, "admin", type, id, "awaitingApproval.approve", null).statusCode(200)
                .body("internal.workflowState", equalTo("published"));
        // a second copy under the same id is a conflict; another tenant does not see it
        as(tenant, "designer").body(seed).when().post("/api/v1/workflow-definitions").then().statusCode(409);
        as("nobody-else", "designer").when().get("/api/v1/workflow-definitions/CustomEntryApproval").then()
                .statusCode(404);
    }

    @Test
    void builtInsAreListedFoundByAliasAndReadOnly() {
        as(TENANT, "content-editor").when().get("/api/v1/workflow-definitions").then().statusCode(200).body("data.id",
                hasItems("saved", "basic", "approval", "publishing"));
        as(TENANT, "content-editor").when().get("/api/v1/workflow-definitions/contensisEntryApproval").then()
                .statusCode(200).body("id", equalTo("approval")).body("isSystem", equalTo(true))
                .body("states.id", contains("draft", "awaitingApproval", "declined"));
        String approval = as(TENANT, "admin").when().get("/api/v1/workflow-definitions/approval").then().extract()
                .asString();
        as(TENANT, "admin").body(approval).when().put("/api/v1/workflow-definitions/approval").then().statusCode(403)
                .contentType("application/problem+json");
        as(TENANT, "admin").when().delete("/api/v1/workflow-definitions/contensisEntryBasic").then().statusCode(403);
        as(TENANT, "admin").body("{\"id\":\"publishing\",\"states\":[{\"id\":\"a\"}]}").when()
                .post("/api/v1/workflow-definitions").then().statusCode(403);
    }

    @Test
    void refusesAnInvalidDefinitionListingAllProblemsAndStoresNothing() {
        String body = "{\"id\":\"broken\",\"states\":[{\"id\":\"draft\",\"events\":[{\"id\":\"go\",\"transitionTo\":"
                + "\"nowhere\"},{\"id\":\"go\",\"transitionTo\":\"review\"}]},{\"id\":\"review\"},{\"id\":\"review\"},"
                + "{\"id\":\"island\"}]}";
        as(TENANT, "designer").body(body).when().post("/api/v1/workflow-definitions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field",
                        hasItems("states[0].events[0].transitionTo", "states[0].events[1].id", "states[2].id"))
                .body("detail", containsString("problems"));
        as(TENANT, "designer").body("{\"id\":\"lonely\",\"states\":[{\"id\":\"a\"},{\"id\":\"b\"}]}").when()
                .post("/api/v1/workflow-definitions").then().statusCode(400)
                .body("errors[0].message", containsString("unreachable"));
        as(TENANT, "designer")
                .body("{\"id\":\"typo\",\"states\":[{\"id\":\"a\",\"events\":[{\"id\":\"x\","
                        + "\"transitonTo\":\"a\"}]}]}")
                .when().post("/api/v1/workflow-definitions").then().statusCode(400)
                .body("errors[0].field", containsString("transitonTo"));
        as(TENANT, "designer").body("{\"id\":").when().post("/api/v1/workflow-definitions").then().statusCode(400);
        as(TENANT, "designer").when().get("/api/v1/workflow-definitions/broken").then().statusCode(404);
        as(TENANT, "designer").when().get("/api/v1/workflow-definitions/lonely").then().statusCode(404);
        as(TENANT, "content-editor").body("{\"id\":\"mine\",\"states\":[{\"id\":\"a\"}]}").when()
                .post("/api/v1/workflow-definitions").then().statusCode(403);
    }

    @Test
    void updatesAndDeletesATenantsDefinitionGuardingItsEntries() {
        String id = ContentApi.unique("flow");
        String twoStates = "{\"id\":\"" + id + "\",\"name\":{\"en-GB\":\"Two\"},\"states\":[{\"id\":\"draft\","
                + "\"events\":[{\"id\":\"finish\",\"transitionTo\":\"done\"}]},{\"id\":\"done\",\"events\":[{\"id\":"
                + "\"reopen\",\"transitionTo\":\"draft\"}]}]}";
        as(TENANT, "designer").body(twoStates).when().post("/api/v1/workflow-definitions").then().statusCode(201)
                .body("uuid", notNullValue());
        String type = ContentApi.contentType(TENANT, id);
        String entryId = entry(TENANT, type, "Doc");
        invoke(TENANT, "admin", type, entryId, "draft.finish", null).statusCode(200);
        String oneState = "{\"states\":[{\"id\":\"draft\"}]}";
        as(TENANT, "designer").body(oneState).when().put("/api/v1/workflow-definitions/" + id).then().statusCode(409)
                .body("detail", containsString("done"));
        as(TENANT, "designer").when().delete("/api/v1/workflow-definitions/" + id).then().statusCode(409).body("detail",
                containsString(type));
        String renamed = twoStates.replace("\"Two\"", "\"Renamed\"");
        as(TENANT, "designer").body(renamed).when().put("/api/v1/workflow-definitions/" + id).then().statusCode(200)
                .body("name.en-GB", equalTo("Renamed")).body("version.versionNo", equalTo("0.2"));
        as(TENANT, "designer").body(renamed.replace(id, "other")).when().put("/api/v1/workflow-definitions/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        as(TENANT, "designer").body(oneState).when().put("/api/v1/workflow-definitions/unknownFlow").then()
                .statusCode(404);
        as(TENANT, "content-editor").when().get("/api/v1/workflow").then().body("data.id", hasItem(id));
    }

    static String seed() throws IOException {
        try (InputStream in = WorkflowDefinitionResourceTest.class
                .getResourceAsStream("/seeds/seed-003-custom-approval.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
