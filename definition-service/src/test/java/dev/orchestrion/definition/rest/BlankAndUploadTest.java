package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.simple;
import static dev.orchestrion.definition.Api.tenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.testsupport.TestTokens;

/**
 * What a designer sees first (issue 11, section 7): a blank workflow starts with a Start node on its canvas, and a
 * {@code .cn} file can be imported as a browser uploads it (multipart/form-data); a wrong type is a 415 that names
 * the accepted ones.
 */
@QuarkusTest
class BlankAndUploadTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aBlankWorkflowStartsWithAStartNodeOnTheCanvas() {
        String t = tenant();
        String id = as(t, "designer").body("{\"name\": \"Blank\"}").post("/definitions").then().statusCode(201)
                .body("nodes", hasSize(1)).body("nodes[0].id", equalTo("start")).body("nodes[0].type", equalTo("start"))
                .body("nodes[0].name", equalTo("Start")).extract().path("id");
        as(t, "designer").get("/definitions/{id}", id).then().statusCode(200).body("nodes.type",
                equalTo(List.of("start")));
        as(t, "designer").get("/definitions/{id}/incidents", id).then().statusCode(200).body("incidents.code",
                equalTo(List.of("UNCONNECTED_OUTPUT")));
    }

    @Test
    void aCnFileIsImportedFromABrowserUpload() {
        String t = tenant();
        String source = create(t, simple("uploaded"));
        byte[] file = as(t, "designer").get("/definitions/{id}/export", source).then().statusCode(200).extract()
                .asByteArray();

        given().auth().oauth2(TestTokens.token(t, "designer"))
                .multiPart("file", "uploaded.cn", file, "application/octet-stream").when().post("/definitions/import")
                .then().statusCode(201).body("items", hasSize(1)).body("items[0].name", equalTo("uploaded"));
        given().auth().oauth2(TestTokens.token(t, "designer")).multiPart("note", "no file here").when()
                .post("/definitions/import").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("file")));
    }

    @Test
    void anImportOfAnotherTypeIsA415NamingTheAcceptedTypes() {
        String t = tenant();
        given().auth().oauth2(TestTokens.token(t, "designer")).contentType("application/xml")
                .body("<cn/>".getBytes(StandardCharsets.UTF_8)).when().post("/definitions/import").then()
                .statusCode(415).contentType(PROBLEM).body("detail", containsString("application/json"))
                .body("detail", containsString("text/plain")).body("detail", containsString("multipart/form-data"));
    }
}
