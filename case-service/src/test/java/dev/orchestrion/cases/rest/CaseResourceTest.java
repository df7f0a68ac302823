package dev.orchestrion.cases.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.testsupport.TestTokens;

@QuarkusTest
class CaseResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createsACaseAndReadsItBack() {
        String token = TestTokens.token("acme", "client");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","companyName":"Engines"}
                """).when().post("/cases").then().statusCode(201).header("Location", containsString("/cases/"))
                .body("id", notNullValue()).body("firstName", equalTo("Ada")).body("email", equalTo("ada@example.com"))
                .body("createdAt", notNullValue()).extract().path("id");

        given().auth().oauth2(token).when().get("/cases/{id}", id).then().statusCode(200).body("id", equalTo(id))
                .body("lastName", equalTo("Lovelace")).body("companyName", equalTo("Engines"));
    }

    @Test
    void acceptsAnEmptyCase() {
        given().auth().oauth2(TestTokens.token("acme", "client")).contentType(ContentType.JSON).body("{}").when()
                .post("/cases").then().statusCode(201).body("id", notNullValue());
    }

    @Test
    void anotherTenantsCaseIsNotFound() {
        String id = given().auth().oauth2(TestTokens.token("acme", "client")).contentType(ContentType.JSON)
                .body("{\"firstName\":\"Ada\"}").when().post("/cases").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.token("globex", "client")).when().get("/cases/{id}", id).then().statusCode(404)
                .contentType(PROBLEM).body("status", equalTo(404)).body("title", equalTo("Not found"));
    }

    @Test
    void requiresAValidToken() {
        given().contentType(ContentType.JSON).body("{}").when().post("/cases").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer")).body("status", equalTo(401));
        given().auth().oauth2(TestTokens.tokenSignedByAStranger("acme", "client")).when()
                .get("/cases/{id}", "6f1c1c4e-7d9e-4c55-8f0e-2a1a9f0e0b11").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.expiredToken("acme", "client")).when()
                .get("/cases/{id}", "6f1c1c4e-7d9e-4c55-8f0e-2a1a9f0e0b11").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not-a-jwt").when().get("/cases/{id}", "6f1c1c4e-7d9e-4c55-8f0e-2a1a9f0e0b11").then()
                .statusCode(401).contentType(PROBLEM);
    }

    @Test
    void refusesRolesThatMayNotTouchCases() {
        given().auth().oauth2(TestTokens.token("acme", "content-editor")).contentType(ContentType.JSON).body("{}")
                .when().post("/cases").then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().auth().oauth2(TestTokens.token("acme", "client")).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Ada\"").when().post("/cases").then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("detail", containsString("not valid JSON"));
    }

    @Test
    void badFieldsAreNamed() {
        String token = TestTokens.token("acme", "client");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"email\":\"not-an-email\",\"firstName\":\"" + "x".repeat(201) + "\"}").when().post("/cases")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("firstName"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\":{\"nested\":true}}").when()
                .post("/cases").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("firstName"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"nickname\":\"Ada\"}").when().post("/cases")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("nickname"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void aMissingBodyOrWrongMediaTypeIsAClientError() {
        String token = TestTokens.token("acme", "client");
        given().auth().oauth2(token).contentType(ContentType.JSON).when().post("/cases").then().statusCode(400)
                .contentType(PROBLEM);
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("hello").when().post("/cases").then()
                .statusCode(415).contentType(PROBLEM);
    }

    @Test
    void anIdThatIsNotAUuidIsNotFound() {
        given().auth().oauth2(TestTokens.token("acme", "client")).when().get("/cases/not-a-uuid").then().statusCode(404)
                .contentType(PROBLEM);
    }
}
