package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.doc;
import static dev.orchestrion.definition.Api.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exportThenImportGivesAnEqualGraphWithNewIds() throws Exception {
        String t = tenant();
        as(t, "designer").body("""
                {"name": "credit-bureau", "kind": "http", "endpoint": "https://bureau.example",
                 "auth": {"kind": "bearer"}, "credentials": {"production": {"token": "never-exported-secret"}}}""")
                .post("/connections").then().statusCode(201);
        String folderId = OrganisingTest.folder(t, "KYC", null);
        String body = doc("docs/examples/http-update-case.json").replaceFirst("\\{", "{\"folderId\": \"" + folderId
                + "\", \"contents\": [{\"name\": \"consent\", \"type\": \"form\", " + "\"fields\": [\"agree\"]}], ");
        String id = create(t, body);
        String reference = create(t, doc("docs/examples/reference-workflow.json"));

        Response export = as(t, "designer").get("/definitions/export?id={a}&id={b}", id, reference);
        export.then().statusCode(200).header("Content-Disposition", containsString("attachment"))
                .header("Content-Disposition", containsString(".cn"));
        String file = export.asString();
        assertThat(file).doesNotContain("never-exported-secret").doesNotContain(folderId);
        JsonNode parsed = JSON.readTree(file);
        assertThat(parsed.path("format").asText()).isEqualTo("orchestrion.cn");
        assertThat(parsed.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(parsed.path("definitions")).hasSize(2);
        assertThat(parsed.path("references").toString()).contains("\"type\":\"connection\"")
                .contains("\"name\":\"credit-bureau\"").contains("\"kind\":\"http\"").contains("\"KYC\"");

        // into another tenant where the folder and the connection exist under the same names
        String other = tenant();
        String otherFolder = OrganisingTest.folder(other, "KYC", null);
        as(other, "designer").body("""
                {"name": "credit-bureau", "kind": "http", "endpoint": "https://bureau.example"}""").post("/connections")
                .then().statusCode(201);
        Response imported = as(other, "designer").contentType("application/octet-stream")
                .body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/definitions/import");
        imported.then().statusCode(201).body("items", hasSize(2)).body("items[0].incidents", hasSize(0))
                .body("items[0].folderId", equalTo(otherFolder)).body("unresolved", hasSize(0));
        String newId = imported.path("items[0].id");
        assertThat(newId).isNotEqualTo(id);

        JsonNode original = graph(as(t, "designer").get("/definitions/{id}", id).asString());
        JsonNode copy = graph(as(other, "designer").get("/definitions/{id}", newId).asString());
        assertThat(copy).isEqualTo(original);
        as(other, "designer").get("/definitions/{id}", newId).then().body("status", equalTo("DRAFT"))
                .body("contents[0].name", equalTo("consent"));

        // the same file again: new ids again, never overwriting
        as(other, "designer").body(file).post("/definitions/import").then().statusCode(201).body("items.id",
                not(hasItem(newId)));
    }

    @Test
    void unmatchedReferencesBecomeIncidentsAndWarnings() {
        String t = tenant();
        as(t, "designer").body("""
                {"name": "credit-bureau", "kind": "http", "endpoint": "https://bureau.example"}""").post("/connections")
                .then().statusCode(201);
        String folder = OrganisingTest.folder(t, "Somewhere", null);
        String id = create(t,
                doc("docs/examples/http-update-case.json").replaceFirst("\\{", "{\"folderId\": \"" + folder + "\", "));
        String file = as(t, "designer").get("/definitions/{id}/export", id).then().statusCode(200).extract().asString();

        String empty = tenant();
        as(empty, "designer").body(file).post("/definitions/import").then().statusCode(201)
                .body("items[0].incidents.code", equalTo(List.of("UNKNOWN_CONNECTION")))
                .body("items[0].folderId", equalTo(null))
                .body("unresolved.type", equalTo(List.of("folder", "connection")));
        // import creates drafts even when the source was active
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        String again = as(t, "designer").get("/definitions/{id}/export", id).then().extract().asString();
        as(t, "designer").body(again).post("/definitions/import").then().statusCode(201)
                .body("items[0].incidents", hasSize(0)).body("items[0].folderId", equalTo(folder));
        as(t, "designer").get("/definitions?status=DRAFT").then().body("total", equalTo(1));
    }

    @Test
    void corruptOrForeignFilesAreRefusedSayingWhy() throws Exception {
        String t = tenant();
        rejected(t, "this is not json", "not valid JSON");
        rejected(t, "[1, 2]", "not a JSON object");
        rejected(t, "{\"format\": \"connectif.cn\", \"formatVersion\": 1, \"definitions\": []}",
                "format is 'connectif.cn'");
        rejected(t, "{\"definitions\": []}", "format is missing");
        rejected(t, "{\"format\": \"orchestrion.cn\", \"formatVersion\": 9, \"definitions\": []}", "formatVersion 9");
        rejected(t, "{\"format\": \"orchestrion.cn\", \"formatVersion\": 1, \"definitions\": []}", "no definitions");
        ObjectNode malformed = (ObjectNode) JSON.readTree("""
                {"format": "orchestrion.cn", "formatVersion": 1, "definitions": [
                  {"sourceId": "a", "definition": {"name": "ok", "nodes": [{"id": "s", "type": "start"}]}},
                  {"sourceId": "b", "definition": {"name": "bad", "nodes": [{"id": "x", "type": "warp"}]}}]}""");
        as(t, "designer").body(malformed.toString()).post("/definitions/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("definitions[1].definition.nodes[0].type"));
        as(t, "designer").get("/definitions").then().body("total", equalTo(0));
    }

    private static void rejected(String tenant, String file, String reason) {
        as(tenant, "designer").contentType("text/plain").body(file).post("/definitions/import").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(reason));
    }

    /** The graph of a definition response: what an export carries, without ids, folder and bookkeeping. */
    private static JsonNode graph(String response) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(response);
        node.remove(List.of("id", "folderId", "status", "revision", "publishedVersion", "pendingRevision", "priority",
                "scheduledStartAt", "createdAt", "createdBy", "updatedAt", "updatedBy"));
        return node;
    }
}
