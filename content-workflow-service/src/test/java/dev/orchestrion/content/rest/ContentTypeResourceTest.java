package dev.orchestrion.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.testsupport.TestTokens;

@QuarkusTest
class ContentTypeResourceTest {

    @Test
    void definesATypeWithTheDefaultWorkflowAndReadsItBackOnlyInItsTenant() {
        given().auth().oauth2(TestTokens.token("acme", "admin")).contentType(ContentType.JSON)
                .body("{\"label\":\"Blog posts\"}").when().put("/api/v1/internal/contenttype/post").then()
                .statusCode(200).body("workflowId", equalTo("saved")).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.token("acme", "content-editor")).when()
                .get("/api/v1/internal/contenttype/post").then().statusCode(200).body("label", equalTo("Blog posts"));
        given().auth().oauth2(TestTokens.token("globex", "content-editor")).when()
                .get("/api/v1/internal/contenttype/post").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void refusesNoTokenAndMalformedJson() {
        given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/internal/contenttype/post").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("acme", "admin")).contentType(ContentType.JSON).body("{").when()
                .put("/api/v1/internal/contenttype/post").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
