package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.MERGE_PATCH;
import static dev.orchestrion.cases.testing.Api.PROBLEM;
import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.createCase;
import static dev.orchestrion.cases.testing.Api.getCase;
import static dev.orchestrion.cases.testing.Api.newCase;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static dev.orchestrion.cases.testing.Api.patchCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.orchestrion.testsupport.RawHttp;
import dev.orchestrion.testsupport.TestTokens;

/**
 * What case-service refuses at its edge (docs/architecture.md, "Errors"): text PostgreSQL cannot store, JSON that is
 * not exactly one document, bodies of the wrong or no media type, missing bodies, oversized bodies and URIs. Each is
 * a 4xx problem+json and nothing is stored.
 */
@QuarkusTest
class EdgeRulesTest {

    private static final String NOT_STORABLE = "must not contain NUL or unpaired surrogate characters";

    @Test
    void nulInAFieldIsRefusedNamingItAndNothingIsStored() {
        String tenant = newTenant("nul");
        createCase(tenant, "{\"firstName\":\"Ada\",\"email\":\"ada\\u0000@example.com\"}").statusCode(400)
                .contentType(PROBLEM).body("status", equalTo(400)).body("errors[0].field", equalTo("email"))
                .body("errors[0].message", equalTo(NOT_STORABLE));
        createCase(tenant, "{\"lastName\":\"\\ud800\"}").statusCode(400).contentType(PROBLEM).body("errors[0].field",
                equalTo("lastName"));
        assertNoCases(tenant);
    }

    @Test
    void nestedAttributesAndTheirKeysAreCheckedToo() {
        String tenant = newTenant("attributes");
        createCase(tenant, "{\"attributes\":{\"profile\":{\"notes\":[\"ok\",\"\\udc00\"]}}}").statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("attributes.profile.notes[1]"));
        createCase(tenant, "{\"attributes\":{\"bad\\u0000key\":1}}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("attributes.bad\\u0000key"));
        assertNoCases(tenant);
    }

    @Test
    void aMergePatchWithNulIsRefusedAndTheCaseIsUnchanged() {
        String tenant = newTenant("patch");
        UUID id = newCase(tenant, "{\"email\":\"ada@example.com\",\"attributes\":{\"score\":1}}");
        patchCase(tenant, id, "{\"email\":\"x\\u0000@example.com\"}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("email"));
        patchCase(tenant, id, "{\"attributes\":{\"note\":\"\\ud83d\"}}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("attributes.note"));
        getCase(tenant, id).statusCode(200).header("ETag", "\"0\"").body("email", equalTo("ada@example.com"))
                .body("attributes.score", equalTo(1));
    }

    @Test
    void aQueryParameterWithNulIsRefusedNamingIt() {
        String tenant = newTenant("query");
        as(tenant).urlEncodingEnabled(false).when().get("/cases?email=%00").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("email")).body("errors[0].message", equalTo(NOT_STORABLE));
    }

    @Test
    void contentAfterTheJsonDocumentIsRefused() {
        String tenant = newTenant("trailing");
        createCase(tenant, "{\"firstName\":\"Ada\"} x").statusCode(400).contentType(PROBLEM).body("detail",
                containsString("after the JSON document"));
        createCase(tenant, "{\"firstName\":\"Ada\"}{\"firstName\":\"Eve\"}").statusCode(400).contentType(PROBLEM);
        assertNoCases(tenant);
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupportedNamingWhatIsAccepted() {
        String tenant = newTenant("no-type");
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", "/cases",
                "{\"firstName\":\"Ada\"}".getBytes(StandardCharsets.UTF_8),
                "Authorization: Bearer " + TestTokens.token(tenant, "client"));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM);
        assertThat(answer.json().getString("detail")).contains("application/json").contains("no Content-Type");
        assertNoCases(tenant);
    }

    @Test
    void aWrongContentTypeIsUnsupportedNamingWhatIsAccepted() {
        String tenant = newTenant("wrong-type");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        as(tenant).contentType("text/plain").body("{\"firstName\":\"Eve\"}").when().patch("/cases/{id}", id).then()
                .statusCode(415).contentType(PROBLEM)
                .body("detail", containsString("application/merge-patch+json, application/json"))
                .body("detail", containsString("text/plain"));
        getCase(tenant, id).statusCode(200).body("firstName", equalTo("Ada"));
    }

    @Test
    void aMissingOrNullPatchIsABadRequest() {
        String tenant = newTenant("null-patch");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        patchCase(tenant, id, "null").statusCode(400).contentType(PROBLEM).body("detail",
                containsString("request body is required"));
        as(tenant).contentType(MERGE_PATCH).when().patch("/cases/{id}", id).then().statusCode(400).contentType(PROBLEM);
        getCase(tenant, id).statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void anOversizedBodyIsPayloadTooLargeAsAProblem() {
        String tenant = newTenant("large");
        String big = "{\"attributes\":{\"blob\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}}";
        createCase(tenant, big).statusCode(413).contentType(PROBLEM).body("status", equalTo(413)).body("detail",
                containsString("at most 1048576"));
        assertNoCases(tenant);
    }

    @Test
    void anOverlongUriIsUriTooLongAsAProblem() {
        String tenant = newTenant("uri");
        as(tenant).when().get("/cases?externalRef=" + "r".repeat(9000)).then().statusCode(414).contentType(PROBLEM)
                .body("status", equalTo(414)).body("title", equalTo("URI Too Long"));
    }

    private static void assertNoCases(String tenant) {
        as(tenant).when().get("/cases").then().statusCode(200).body("total", equalTo(0));
    }

}
