package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.contentType;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.orchestrion.content.support.ContentApi;
import dev.orchestrion.testsupport.RawHttp;
import dev.orchestrion.testsupport.TestTokens;

/**
 * What content-workflow-service refuses at its edge (docs/architecture.md, "Errors"). MongoDB would keep a NUL (and
 * rewrite a lone surrogate) that consumers on PostgreSQL cannot hold, so the rule is the one of every service: 400
 * naming the field, nothing stored. A taken unique key is 409 naming its field; bodies stop at 2 MiB.
 */
@QuarkusTest
class EdgeRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_STORABLE = "must not contain NUL or unpaired surrogate characters";

    @Test
    void entryFieldsAndTheirKeysWithNulAreRefusedAndNothingIsStored() {
        String tenant = unique("nul");
        String type = contentType(tenant, "saved");
        as(tenant, "content-editor").body("{\"title\":\"Hello\\u0000\"}").when().post("/api/v1/content/" + type).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo(NOT_STORABLE));
        as(tenant, "content-editor").body("{\"title\":\"Hi\",\"body\":{\"blocks\":[{\"te\\u0000xt\":\"x\"}]}}").when()
                .post("/api/v1/content/" + type).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body.blocks[0].te\\u0000xt"));
        assertNoEntries(tenant, type);
    }

    @Test
    void anEntryUpdateWithALoneSurrogateIsRefusedAndTheEntryIsUnchanged() {
        String tenant = unique("update");
        String type = contentType(tenant, "saved");
        String id = entry(tenant, type, "Original");
        as(tenant, "content-editor").body("{\"title\":\"\\ud800 changed\"}").when()
                .put("/api/v1/content/" + type + "/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"));
        ContentApi.get(tenant, type, id).statusCode(200).body("title", equalTo("Original"));
    }

    @Test
    void contentTypesAndWorkflowDefinitionsFollowTheSameRule() throws IOException {
        String tenant = unique("types");
        as(tenant, "designer").body("{\"name\":\"article\",\"label\":\"Art\\udfffcles\"}").when()
                .post("/api/v1/internal/contenttype").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("label"));
        as(tenant, "designer").body(seed().replace("\"en-GB\": \"Draft\"", "\"en-GB\": \"Dr\\u0000aft\"")).when()
                .post("/api/v1/workflow-definitions").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("states[0].name.en-GB"));
        as(tenant, "designer").when().get("/api/v1/internal/contenttype").then().statusCode(200).body("total_count",
                equalTo(0));
        as(tenant, "designer").when().get("/api/v1/workflow-definitions/CustomEntryApproval").then().statusCode(404);
    }

    @Test
    void aPathParameterWithNulIsRefusedNamingIt() {
        String tenant = unique("path");
        String type = contentType(tenant, "saved");
        as(tenant, "content-editor").urlEncodingEnabled(false).when().get("/api/v1/content/" + type + "/a%00b").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("id"));
    }

    @Test
    void contentAfterTheJsonDocumentIsRefused() {
        String tenant = unique("trailing");
        String type = contentType(tenant, "saved");
        as(tenant, "content-editor").body("{\"title\":\"one\"} {\"title\":\"two\"}").when()
                .post("/api/v1/content/" + type).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("after the JSON document"));
        assertNoEntries(tenant, type);
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupportedNamingWhatIsAccepted() {
        String tenant = unique("untyped");
        String type = contentType(tenant, "saved");
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", "/api/v1/content/" + type,
                "{\"title\":\"Hello\"}".getBytes(StandardCharsets.UTF_8),
                "Authorization: Bearer " + TestTokens.token(tenant, "content-editor"));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM);
        assertThat(answer.json().getString("detail")).contains("accepts application/json").contains("no Content-Type");
        assertNoEntries(tenant, type);
    }

    @Test
    void takenUniqueKeysAreConflictsNamingTheField() throws IOException {
        String tenant = unique("unique");
        as(tenant, "designer").body("{\"name\":\"article\"}").when().post("/api/v1/internal/contenttype").then()
                .statusCode(201);
        as(tenant, "designer").body("{\"name\":\"article\"}").when().post("/api/v1/internal/contenttype").then()
                .statusCode(409).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        as(tenant, "designer").body(seed()).when().post("/api/v1/workflow-definitions").then().statusCode(201);
        as(tenant, "designer").body(seed()).when().post("/api/v1/workflow-definitions").then().statusCode(409)
                .contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        String type = contentType(tenant, "saved");
        as(tenant, "content-editor").body("{\"id\":\"fixed-id\",\"title\":\"First\"}").when()
                .post("/api/v1/content/" + type).then().statusCode(201);
        as(tenant, "content-editor").body("{\"id\":\"fixed-id\",\"title\":\"Second\"}").when()
                .post("/api/v1/content/" + type).then().statusCode(409).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        ContentApi.get(tenant, type, "fixed-id").statusCode(200).body("title", equalTo("First"));
    }

    @Test
    void anEntryUpToTheLimitIsStoredAndALargerOneIsPayloadTooLarge() {
        String tenant = unique("large");
        String type = bodyOnlyType(tenant);
        String justUnder = "{\"body\":\"" + "a".repeat(2 * 1024 * 1024 - 64) + "\"}";
        as(tenant, "content-editor").body(justUnder).when().post("/api/v1/content/" + type).then().statusCode(201);
        String tenMegabytes = "{\"body\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}";
        as(tenant, "content-editor").body(tenMegabytes).when().post("/api/v1/content/" + type).then().statusCode(413)
                .contentType(PROBLEM).body("status", equalTo(413)).body("detail", containsString("at most 2097152"));
        as(tenant, "content-editor").when().get("/api/v1/content/" + type).then().statusCode(200).body("total_count",
                equalTo(1));
    }

    @Test
    void anOverlongUriIsUriTooLongAsAProblem() {
        String tenant = unique("uri");
        given().auth().oauth2(TestTokens.token(tenant, "content-editor")).when()
                .get("/api/v1/content/x?filters=" + "f".repeat(9000)).then().statusCode(414).contentType(PROBLEM)
                .body("status", equalTo(414));
    }

    private static String bodyOnlyType(String tenant) {
        String name = unique("blob");
        as(tenant, "designer").body("{\"fields\":[" + ContentApi.BODY_FIELD + "]}").when()
                .put("/api/v1/internal/contenttype/" + name).then().statusCode(200);
        return name;
    }

    private static void assertNoEntries(String tenant, String type) {
        as(tenant, "content-editor").when().get("/api/v1/content/" + type).then().statusCode(200).body("total_count",
                equalTo(0));
    }

    private static String seed() throws IOException {
        try (InputStream in = EdgeRulesTest.class.getResourceAsStream("/seeds/seed-003-custom-approval.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
