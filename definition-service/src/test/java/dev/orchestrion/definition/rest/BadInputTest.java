package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.simple;
import static dev.orchestrion.definition.Api.tenant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every bad input is a 4xx problem+json naming what is wrong, and nothing is stored. */
@QuarkusTest
class BadInputTest {

    @Test
    void malformedDefinitionsAreRefusedAndNothingIsStored() {
        String t = tenant();
        refused(t, "{}", "name");
        refused(t, "{\"name\":", null);
        refused(t, "[1,2]", null);
        refused(t, simple("x").replace("\"type\": \"set\"", "\"type\": \"teleport\""), "nodes[1].type");
        refused(t, simple("x").replace("\"id\": \"set\"", "\"id\": \"start\""), "nodes[1].id");
        refused(t, simple("x").replace("\"id\": \"set\", ", ""), "nodes[1].id");
        refused(t, simple("n".repeat(201)), "name");
        refused(t, simple("x").replaceFirst("\\{", "{\"colour\": \"blue\", "), "colour");
        refused(t, simple("x").replace("\"assignments\"", "\"assignmentz\""), "nodes[1].properties.assignmentz");
        refused(t, simple("x").replace("\"kind\": \"api\"", "\"kind\": \"carrier-pigeon\""), "trigger.kind");
        refused(t, simple("x").replace("\"tags\": [\"simple\"]", "\"tags\": \"simple\""), "tags");
        refused(t, simple("x").replace("\"description\": \"a simple workflow\"",
                "\"parameters\": [{\"name\": \"a\", \"type\": \"money\"}]"), "parameters[0].type");
        as(t, "designer").get("/definitions").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anInvalidCronIsAnIncidentThatBlocksTheStart() {
        String t = tenant();
        String id = dev.orchestrion.definition.Api.create(t,
                simple("Cron").replace("{\"kind\": \"api\"}", "{\"kind\": \"schedule\", \"cron\": \"0 25 * * *\"}"));
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(422)
                .body("incidents[0].code", equalTo("INVALID_TRIGGER"))
                .body("incidents[0].property", equalTo("trigger.cron"));
    }

    @Test
    void badQueriesAndBodiesElsewhere() {
        String t = tenant();
        as(t, "designer").get("/definitions?sort=colour").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sort"));
        as(t, "designer").get("/definitions?status=RUNNING").then().statusCode(400);
        as(t, "designer").get("/definitions?size=1000").then().statusCode(400);
        as(t, "designer").get("/definitions?updatedFrom=yesterday").then().statusCode(400);
        // issue 11: a malformed id in a query is a 400 naming it; a well-formed unknown folder stays a 404
        as(t, "designer").get("/definitions?folderId=nope").then().statusCode(400).body("errors.field",
                hasItem("folderId"));
        as(t, "designer").get("/definitions?folderId=" + java.util.UUID.randomUUID()).then().statusCode(404);
        as(t, "designer").contentType("text/csv").body("a,b").post("/definitions").then().statusCode(415)
                .contentType("application/problem+json");
        as(t, "designer").body("{\"name\": \"\"}").post("/folders").then().statusCode(400).body("errors.field",
                hasItem("name"));
        as(t, "designer").body(simple("x").replaceFirst("\\{", "{\"folderId\": \"missing\", ")).post("/definitions")
                .then().statusCode(400).body("errors.field", hasItem("folderId"));
        as(t, "operator").header("If-Match", "yesterday").post("/definitions/{id}/start", java.util.UUID.randomUUID())
                .then().statusCode(400);
        // issue 11: a malformed path id is not found, before anything else is looked at
        as(t, "operator").header("If-Match", "yesterday").post("/definitions/{id}/start", "x").then().statusCode(404);
        as(t, "operator").body("{\"order\": [\"a\", \"a\"]}").put("/priorities").then().statusCode(400);
        as(t, "designer").body("{\"action\": \"explode\", \"ids\": [\"a\"]}").post("/definitions/bulk").then()
                .statusCode(400).body("detail", containsString("action"));
    }

    @Test
    void eachFieldRuleOfAFolderOrAConnectionNamesItsFieldWithItsMessage() {
        String t = tenant();
        folderRefused(t, "{\"name\": \"a/b\"}", "name", "must not contain /");
        folderRefused(t, "{\"name\": \"" + "f".repeat(101) + "\"}", "name", "must be at most 100 characters");
        folderRefused(t, "{\"name\": \" \"}", "name", "must not be blank");
        folderRefused(t, "{\"parentId\": null}", "name", "must not be blank");
        String kyc = as(t, "designer").body("{\"name\": \" KYC \"}").post("/folders").then().statusCode(201)
                .body("name", equalTo("KYC")).extract().path("id");
        as(t, "designer").body("{\"name\": \" \"}").put("/folders/{id}", kyc).then().statusCode(400)
                .body("errors[0].field", equalTo("name")).body("errors[0].message", equalTo("must not be blank"));
        as(t, "designer").body("{\"name\": \"a/b\"}").put("/folders/{id}", kyc).then().statusCode(400)
                .body("errors[0].message", equalTo("must not contain /"));
        // a rename may leave the name out: it is kept
        as(t, "designer").body("{\"parentId\": \"root\"}").put("/folders/{id}", kyc).then().statusCode(200).body("name",
                equalTo("KYC"));

        connectionRefused(t, "{\"name\": \"-crm\", \"kind\": \"http\", \"endpoint\": \"https://x.example\"}", "name",
                "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        connectionRefused(t, "{\"kind\": \"http\", \"endpoint\": \"https://x.example\"}", "name",
                "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        connectionRefused(t, "{\"name\": \"crm\", \"endpoint\": \"https://x.example\"}", "kind",
                "must be http or smtp");
        connectionRefused(t,
                "{\"name\": \"crm\", \"kind\": \"http\", \"endpoint\": \"https://x.example\", "
                        + "\"auth\": {\"kind\": \"digest\"}}",
                "auth.kind", "must be one of none, basic, bearer, apiKey, oauth2");
        connectionRefused(
                t, "{\"name\": \"crm\", \"kind\": \"http\", \"endpoint\": \"https://x.example\", "
                        + "\"description\": \"" + "d".repeat(2001) + "\"}",
                "description", "must be at most 2000 characters");
        connectionRefused(t,
                "{\"name\": \"crm\", \"kind\": \"http\", \"endpoint\": \"https://x.example/" + "e".repeat(2000) + "\"}",
                "endpoint", "must be at most 2000 characters");
        as(t, "designer").get("/connections").then().statusCode(200).body("items", hasSize(0));
        as(t, "designer").get("/folders").then().statusCode(200).body("items", hasSize(1));

        String id = dev.orchestrion.definition.Api.create(t, simple("kept"));
        bodyRefused(t, "/definitions/bulk", "{\"action\": \"explode\", \"ids\": [\"" + id + "\"]}", "action",
                "must be one of [duplicate, export, delete, move]");
        bodyRefused(t, "/definitions/bulk", "{\"action\": \"delete\", \"ids\": []}", "ids",
                "must list at least one definition id");
        bodyRefused(t, "/definitions/bulk",
                "{\"action\": \"delete\", \"ids\": ["
                        + String.join(",", java.util.Collections.nCopies(101, "\"" + id + "\"")) + "]}",
                "ids", "at most 100 per request");
        as(t, "operator").body("{}").put("/priorities").then().statusCode(400).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("order"))
                .body("errors[0].message", equalTo("must list definition ids, position 1 first"));
        as(t, "designer").get("/definitions/{id}", id).then().statusCode(200);
    }

    private static void bodyRefused(String tenant, String path, String body, String field, String message) {
        as(tenant, "designer").body(body).post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message));
    }

    private static void folderRefused(String tenant, String body, String field, String message) {
        as(tenant, "designer").body(body).post("/folders").then().statusCode(400)
                .contentType("application/problem+json").body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo(message));
    }

    private static void connectionRefused(String tenant, String body, String field, String message) {
        as(tenant, "designer").body(body).post("/connections").then().statusCode(400)
                .contentType("application/problem+json").body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo(message));
    }

    private static void refused(String tenant, String body, String field) {
        var response = as(tenant, "designer").body(body).post("/definitions").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        if (field != null) {
            response.body("errors.field", hasItem(containsString(field)));
        }
    }
}
