package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.simple;
import static dev.orchestrion.definition.Api.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.orchestrion.testsupport.RawHttp;
import dev.orchestrion.testsupport.TestTokens;

/**
 * What definition-service refuses at its edge (docs/architecture.md, "Errors"). MongoDB would store a NUL or a lone
 * surrogate that PostgreSQL-backed consumers then cannot hold, so the rule is the same here as everywhere: 400
 * naming the field, nothing stored. Renames into a taken name are 409 like creates.
 */
@QuarkusTest
class EdgeRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_STORABLE = "must not contain NUL or unpaired surrogate characters";

    @Test
    void aDefinitionNameWithNulIsRefusedAndNothingIsStored() {
        String t = tenant();
        as(t, "designer").body(simple("bad\\u0000name")).post("/definitions").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo(NOT_STORABLE));
        as(t, "designer").body(simple("x").replace("\"value\": \"1\"", "\"value\": \"\\ud800\"")).post("/definitions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("nodes[1].properties.assignments[0].value"));
        as(t, "designer").get("/definitions").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void foldersAndConnectionsFollowTheSameRule() {
        String t = tenant();
        as(t, "designer").body("{\"name\": \"KYC\\u0000\", \"parentId\": null}").post("/folders").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        as(t, "designer").body(connection("crm\\udfff")).post("/connections").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        as(t, "designer").get("/folders").then().statusCode(200).body("items", hasSize(0));
        as(t, "designer").get("/connections").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void queryAndPathParametersWithNulAreRefusedNamingThem() {
        String t = tenant();
        as(t, "designer").urlEncodingEnabled(false).get("/definitions?q=%00").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("q"));
        as(t, "designer").urlEncodingEnabled(false).get("/folders/a%00b").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void anImportedFileIsCheckedWhateverItsContentType() {
        String t = tenant();
        String file = """
                {"format": "orchestrion.cn", "formatVersion": 1, "definitions": [
                  {"sourceId": "a", "definition": %s}]}""".formatted(simple("imported\\u0000"));
        as(t, "designer").contentType("text/plain").body(file).post("/definitions/import").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("definitions[0].definition.name"));
        as(t, "designer").get("/definitions").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void contentAfterTheJsonDocumentIsRefused() {
        String t = tenant();
        as(t, "designer").body(simple("one") + " x").post("/definitions").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("after the JSON document"));
        as(t, "designer").body("{\"name\": \"a\"}{\"name\": \"b\"}").post("/folders").then().statusCode(400)
                .contentType(PROBLEM);
        as(t, "designer").get("/definitions").then().statusCode(200).body("total", equalTo(0));
        as(t, "designer").get("/folders").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupportedNamingWhatIsAccepted() {
        String t = tenant();
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", "/folders",
                "{\"name\": \"KYC\"}".getBytes(StandardCharsets.UTF_8),
                "Authorization: Bearer " + TestTokens.token(t, "designer"));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM);
        assertThat(answer.json().getString("detail")).contains("accepts application/json").contains("no Content-Type");
        as(t, "designer").get("/folders").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aWrongContentTypeNamesWhatThePathAccepts() {
        String t = tenant();
        given().auth().oauth2(TestTokens.token(t, "designer")).contentType("application/xml").body("<cn/>")
                .post("/definitions/import").then().statusCode(415).contentType(PROBLEM)
                .body("detail", containsString("application/json, application/octet-stream, text/plain"))
                .body("detail", containsString("application/xml"));
    }

    @Test
    void aMissingOrNullBodyIsABadRequestUnlessTheBodyIsOptional() {
        String t = tenant();
        as(t, "designer").body("null").post("/connections").then().statusCode(400).contentType(PROBLEM).body("detail",
                containsString("request body is required"));
        as(t, "designer").post("/connections").then().statusCode(400).contentType(PROBLEM);
        as(t, "designer").get("/connections").then().statusCode(200).body("items", hasSize(0));
        // start's body is optional: none at all is still fine
        String id = create(t, simple("optional"));
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void renamingAFolderToASiblingsNameIsAConflictNamingTheField() {
        String t = tenant();
        String kyc = folder(t, "KYC");
        String aml = folder(t, "AML");
        as(t, "designer").body("{\"name\": \"KYC\", \"parentId\": null}").put("/folders/{id}", aml).then()
                .statusCode(409).contentType(PROBLEM).body("errors[0].field", equalTo("name"))
                .body("detail", containsString("KYC"));
        as(t, "designer").get("/folders/{id}", aml).then().statusCode(200).body("name", equalTo("AML"));
        // moving it under a parent that has a child of that name is the same conflict
        String parent = folder(t, "Parent");
        as(t, "designer").body("{\"name\": \"AML\", \"parentId\": \"" + parent + "\"}").post("/folders").then()
                .statusCode(201);
        as(t, "designer").body("{\"name\": \"AML\", \"parentId\": \"" + parent + "\"}").put("/folders/{id}", aml).then()
                .statusCode(409).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        as(t, "designer").get("/folders/{id}", aml).then().statusCode(200).body("parentId", equalTo(null));
        // creating a duplicate names the field too
        as(t, "designer").body("{\"name\": \"KYC\", \"parentId\": null}").post("/folders").then().statusCode(409)
                .contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        assertThat(kyc).isNotNull();
    }

    @Test
    void renamingAConnectionToATakenNameIsAConflictNamingTheField() {
        String t = tenant();
        as(t, "designer").body(connection("crm")).post("/connections").then().statusCode(201);
        String erp = as(t, "designer").body(connection("erp")).post("/connections").then().statusCode(201).extract()
                .path("id");
        as(t, "designer").body(connection("crm")).put("/connections/{id}", erp).then().statusCode(409)
                .contentType(PROBLEM).body("errors[0].field", equalTo("name")).body("detail", containsString("crm"));
        as(t, "designer").get("/connections/{id}", erp).then().statusCode(200).body("name", equalTo("erp"));
        as(t, "designer").body(connection("crm")).post("/connections").then().statusCode(409).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void anOversizedBodyIsPayloadTooLargeAsAProblem() {
        String t = tenant();
        String big = simple("big").replace("\"a simple workflow\"", "\"" + "d".repeat(8 * 1024 * 1024 + 1) + "\"");
        as(t, "designer").body(big).post("/definitions").then().statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413)).body("detail", containsString("at most 8388608"));
        as(t, "designer").get("/definitions").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anOverlongUriIsUriTooLongAsAProblem() {
        as(tenant(), "designer").get("/definitions?q=" + "q".repeat(9000)).then().statusCode(414).contentType(PROBLEM)
                .body("status", equalTo(414));
    }

    private static String folder(String tenant, String name) {
        return as(tenant, "designer").body("{\"name\": \"" + name + "\", \"parentId\": null}").post("/folders").then()
                .statusCode(201).extract().path("id");
    }

    private static String connection(String name) {
        return """
                {"name": "%s", "kind": "http", "endpoint": "https://crm.example", "auth": {"kind": "none"}}"""
                .formatted(name);
    }
}
