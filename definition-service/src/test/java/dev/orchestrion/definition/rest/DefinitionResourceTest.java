package dev.orchestrion.definition.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.testsupport.TestTokens;

@QuarkusTest
class DefinitionResourceTest {

    @Test
    void createsADraftAndReadsItBackOnlyInItsTenant() {
        String id = given().auth().oauth2(TestTokens.token("acme", "designer")).contentType(ContentType.JSON)
                .body("{\"name\":\"Onboarding\",\"description\":\"KYC\",\"tags\":[\"kyc\"]}").when()
                .post("/definitions").then().statusCode(201).header("Location", containsString("/definitions/"))
                .body("status", equalTo("DRAFT")).extract().path("id");

        given().auth().oauth2(TestTokens.token("acme", "operator")).when().get("/definitions/{id}", id).then()
                .statusCode(200).body("name", equalTo("Onboarding")).body("tags", hasItem("kyc"));
        given().auth().oauth2(TestTokens.token("globex", "operator")).when().get("/definitions/{id}", id).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesNoTokenMalformedJsonAndMissingName() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").when().post("/definitions").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("acme", "designer")).contentType(ContentType.JSON).body("{\"name\":")
                .when().post("/definitions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("acme", "designer")).contentType(ContentType.JSON).body("{}").when()
                .post("/definitions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
    }

    @Test
    void clientsMayReadButNotDesign() {
        given().auth().oauth2(TestTokens.token("acme", "client")).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().post("/definitions").then().statusCode(403);
    }
}
