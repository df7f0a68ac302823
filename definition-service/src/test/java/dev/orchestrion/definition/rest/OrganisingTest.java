package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.createStarted;
import static dev.orchestrion.definition.Api.simple;
import static dev.orchestrion.definition.Api.tenant;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Folders, priorities, search, duplicate and bulk actions. */
@QuarkusTest
class OrganisingTest {

    static String folder(String tenant, String name, String parentId) {
        String parent = parentId == null ? "null" : "\"" + parentId + "\"";
        return as(tenant, "designer").body("{\"name\": \"" + name + "\", \"parentId\": " + parent + "}")
                .post("/folders").then().statusCode(201).extract().path("id");
    }

    @Test
    void foldersFormATreeWithoutCycles() {
        String t = tenant();
        String onboarding = folder(t, "Onboarding", null);
        String kyc = folder(t, "KYC", onboarding);
        String deep = folder(t, "Deep", kyc);
        as(t, "designer").get("/folders/{id}", deep).then().body("path", equalTo("Onboarding/KYC/Deep"));
        as(t, "designer").body("{\"name\": \"KYC\", \"parentId\": \"" + onboarding + "\"}").post("/folders").then()
                .statusCode(409);
        // no cycles
        as(t, "designer").body("{\"parentId\": \"" + deep + "\"}").put("/folders/{id}", onboarding).then()
                .statusCode(409).body("detail", containsString("subfolders"));
        as(t, "designer").body("{\"parentId\": \"" + onboarding + "\"}").put("/folders/{id}", onboarding).then()
                .statusCode(409);
        // rename and move to the top
        as(t, "designer").body("{\"name\": \"Checks\", \"parentId\": \"root\"}").put("/folders/{id}", kyc).then()
                .statusCode(200).body("path", equalTo("Checks")).body("parentId", nullValue());
        as(t, "designer").get("/folders/{id}", deep).then().body("path", equalTo("Checks/Deep"));

        String inDeep = create(t, simple("In deep").replaceFirst("\\{", "{\"folderId\": \"" + deep + "\", "));
        String moved = create(t, simple("Moved"));
        as(t, "designer").body("{\"folderId\": \"" + kyc + "\"}").post("/definitions/{id}/move", moved).then()
                .statusCode(200).body("folderId", equalTo(kyc));
        as(t, "designer").get("/definitions?folderId={f}", kyc).then().body("items.id",
                containsInAnyOrder(inDeep, moved));
        as(t, "designer").get("/definitions?folderId={f}&includeSubfolders=false", kyc).then().body("items.id",
                equalTo(List.of(moved)));

        // a folder that is not empty is deleted only when its contents move
        as(t, "designer").delete("/folders/{id}", kyc).then().statusCode(409).body("detail",
                containsString("not empty"));
        as(t, "designer").delete("/folders/{id}?moveContentsTo={to}", kyc, onboarding).then().statusCode(204);
        as(t, "designer").get("/folders/{id}", kyc).then().statusCode(404);
        as(t, "designer").get("/folders/{id}", deep).then().body("path", equalTo("Onboarding/Deep"));
        as(t, "designer").get("/definitions/{id}", moved).then().body("folderId", equalTo(onboarding));
        as(t, "designer").get("/definitions/{id}", inDeep).then().body("folderId", equalTo(deep));
        as("other-" + t, "designer").get("/folders/{id}", deep).then().statusCode(404);
        as("other-" + t, "designer").get("/folders").then().body("items", hasSize(0));
    }

    @Test
    void prioritiesOrderActiveDefinitionsAndNewOnesJoinLast() {
        String t = tenant();
        String a = createStarted(t, "A");
        String b = createStarted(t, "B");
        String c = createStarted(t, "C");
        as(t, "service").get("/priorities").then().statusCode(200).body("items.definitionId", equalTo(List.of(a, b, c)))
                .body("items.position", equalTo(List.of(1, 2, 3)));
        as(t, "operator").body("{\"order\": [\"" + c + "\", \"" + a + "\"]}").put("/priorities").then().statusCode(200)
                .body("items.definitionId", equalTo(List.of(c, a, b)));
        String d = createStarted(t, "D");
        as(t, "operator").get("/priorities").then().body("items.definitionId", equalTo(List.of(c, a, b, d)));
        as(t, "operator").get("/definitions/{id}", d).then().body("priority", equalTo(4));
        // paused ones leave the list and come back at their place
        as(t, "operator").post("/definitions/{id}/pause", a).then().statusCode(200);
        as(t, "operator").get("/priorities").then().body("items.definitionId", equalTo(List.of(c, b, d)));
        as(t, "operator").post("/definitions/{id}/resume", a).then().statusCode(200);
        as(t, "designer").get("/priorities").then().body("items.definitionId", equalTo(List.of(c, a, b, d)));
        // sort by priority in search
        as(t, "designer").get("/definitions?sort=priority&status=ACTIVE").then().body("items.id",
                equalTo(List.of(c, a, b, d)));
        String draft = create(t, simple("Draft"));
        as(t, "operator").body("{\"order\": [\"" + draft + "\"]}").put("/priorities").then().statusCode(422);
        as(t, "client").get("/priorities").then().statusCode(403);
        as(t, "designer").body("{\"order\": []}").put("/priorities").then().statusCode(403);
        as("other-" + t, "service").get("/priorities").then().body("items", hasSize(0));
    }

    @Test
    void searchFiltersSortsAndPages() {
        String t = tenant();
        String onboarding = create(t, simple("Customer onboarding").replace("\"simple\"", "\"kyc\""));
        String cart = create(t, simple("Abandoned cart").replace("a simple workflow", "Reminds shoppers"));
        String scheduled = create(t, simple("Nightly report").replace("{\"kind\": \"api\"}",
                "{\"kind\": \"schedule\", \"cron\": \"0 2 * * *\"}"));
        as(t, "operator").post("/definitions/{id}/start", cart).then().statusCode(200);

        as(t, "designer").get("/definitions?q=ONBOARD").then().body("items.id", equalTo(List.of(onboarding)))
                .body("total", equalTo(1));
        as(t, "designer").get("/definitions?q=shoppers").then().body("items.id", equalTo(List.of(cart)));
        as(t, "designer").get("/definitions?q=kyc").then().body("items.id", equalTo(List.of(onboarding)));
        as(t, "designer").get("/definitions?q=a.b").then().body("total", equalTo(0));
        as(t, "designer").get("/definitions?tag=kyc").then().body("items.id", equalTo(List.of(onboarding)));
        as(t, "designer").get("/definitions?status=ACTIVE").then().body("items.id", equalTo(List.of(cart)));
        as(t, "designer").get("/definitions?status=DRAFT&status=PAUSED").then().body("total", equalTo(2));
        as(t, "designer").get("/definitions?triggerKind=schedule").then().body("items.id", equalTo(List.of(scheduled)));
        as(t, "designer").get("/definitions?sort=name").then().body("items.id",
                equalTo(List.of(cart, onboarding, scheduled)));
        as(t, "designer").get("/definitions?sort=-name&size=2&page=0").then()
                .body("items.id", equalTo(List.of(scheduled, onboarding))).body("total", equalTo(3))
                .body("size", equalTo(2));
        as(t, "designer").get("/definitions?sort=-name&size=2&page=1").then().body("items.id", equalTo(List.of(cart)));
        as(t, "designer").get("/definitions?updatedFrom=2000-01-01T00:00:00Z&updatedTo=2001-01-01T00:00:00Z").then()
                .body("total", equalTo(0));
        as(t, "designer").get("/definitions?updatedFrom=2000-01-01T00:00:00Z").then().body("total", equalTo(3));
        as(t, "designer").get("/definitions?folderId=root").then().body("total", equalTo(3));
        as("other-" + t, "designer").get("/definitions").then().body("total", equalTo(0));
    }

    @Test
    void bulkActionsReportEachItem() {
        String t = tenant();
        String a = create(t, simple("Bulk A"));
        String b = create(t, simple("Bulk B"));
        String missing = "00000000-0000-0000-0000-000000000000";
        as(t, "designer").body("{\"action\": \"duplicate\", \"ids\": [\"" + a + "\", \"" + missing + "\"]}")
                .post("/definitions/bulk").then().statusCode(200).body("results[0].outcome", equalTo("done"))
                .body("results[0].newId", org.hamcrest.Matchers.notNullValue())
                .body("results[1].outcome", equalTo("failed")).body("results[1].status", equalTo(404));
        as(t, "designer").get("/definitions?q=Bulk A (copy)").then().body("total", equalTo(1));

        as(t, "designer").body("{\"action\": \"export\", \"ids\": [\"" + a + "\", \"" + b + "\", \"" + missing + "\"]}")
                .post("/definitions/bulk").then().statusCode(200)
                .body("results.outcome", equalTo(List.of("done", "done", "failed")))
                .body("file.format", equalTo("orchestrion.cn")).body("file.definitions", hasSize(2));

        String folder = folder(t, "Archive", null);
        as(t, "designer").body("{\"action\": \"move\", \"ids\": [\"" + a + "\"], \"folderId\": \"" + folder + "\"}")
                .post("/definitions/bulk").then().statusCode(200).body("results[0].outcome", equalTo("done"));
        as(t, "designer").get("/definitions/{id}", a).then().body("folderId", equalTo(folder));

        as(t, "designer").body("{\"action\": \"delete\", \"ids\": [\"" + a + "\", \"" + b + "\", \"" + missing + "\"]}")
                .post("/definitions/bulk").then().statusCode(200)
                .body("results.status", equalTo(List.of(200, 200, 404)));
        as(t, "designer").get("/definitions/{id}", b).then().statusCode(404);
        as(t, "designer").get("/definitions").then().body("total", equalTo(1));
    }

    @Test
    void templatesAreGroupedAndInstantiated() {
        String t = tenant();
        as(t, "designer").get("/templates").then().statusCode(200)
                .body("categories.category",
                        org.hamcrest.Matchers.hasItems("Onboarding and KYC", "E-commerce", "Content", "Reporting"))
                .body("categories.templates.flatten().id", org.hamcrest.Matchers.hasItems("kyc-onboarding",
                        "abandoned-cart", "content-approval-notification", "scheduled-http-report"));
        as(t, "designer").body("""
                {"name": "mailer", "kind": "smtp", "smtp": {"host": "smtp.example", "port": 25}}""")
                .post("/connections").then().statusCode(201);
        as(t, "designer").body("""
                {"name": "reports-api", "kind": "http", "endpoint": "https://reports.example"}""").post("/connections")
                .then().statusCode(201);
        as(t, "designer").body("""
                {"name": "kyc-provider", "kind": "http", "endpoint": "https://kyc.example"}""").post("/connections")
                .then().statusCode(201);
        for (String template : List.of("kyc-onboarding", "welcome-series", "abandoned-cart",
                "content-approval-notification", "scheduled-http-report")) {
            String id = as(t, "designer").body("{\"name\": \"From " + template + "\"}")
                    .post("/templates/{id}/definitions", template).then().statusCode(201)
                    .body("status", equalTo("DRAFT")).body("name", equalTo("From " + template)).extract().path("id");
            as(t, "designer").get("/definitions/{id}/incidents", id).then().body("incidents", hasSize(0));
        }
        as(t, "designer").post("/templates/{id}/definitions", "nope").then().statusCode(404);
    }
}
