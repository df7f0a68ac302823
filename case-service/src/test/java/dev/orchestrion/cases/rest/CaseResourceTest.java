package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.PROBLEM;
import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.createCase;
import static dev.orchestrion.cases.testing.Api.getCase;
import static dev.orchestrion.cases.testing.Api.newCase;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;

import dev.orchestrion.support.security.VerifiedTokenCache;
import dev.orchestrion.testsupport.TestTokens;

@QuarkusTest
class CaseResourceTest {

    @Inject
    JWTParser tokenVerifier;

    @Test
    void createsACaseAndReadsItBack() {
        String token = TestTokens.token("acme", "client");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","companyName":"Engines"}
                """).when().post("/cases").then().statusCode(201).header("Location", containsString("/cases/"))
                .header("ETag", "\"0\"").body("id", notNullValue()).body("firstName", equalTo("Ada"))
                .body("email", equalTo("ada@example.com")).body("createdAt", notNullValue()).body("version", equalTo(0))
                .body("erased", equalTo(false)).extract().path("id");

        given().auth().oauth2(token).when().get("/cases/{id}", id).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("lastName", equalTo("Lovelace")).body("companyName", equalTo("Engines"));
    }

    @Test
    void theLocationHeaderLeadsToTheCase() {
        String tenant = newTenant("location");
        String location = createCase(tenant, "{\"lastName\":\"Hopper\"}").statusCode(201).extract().header("Location");
        as(tenant).when().get(location).then().statusCode(200).body("lastName", equalTo("Hopper"));
    }

    @Test
    void keepsTheClientsOwnIdAndFreeAttributes() {
        String tenant = newTenant("attributes");
        UUID id = newCase(tenant, """
                {"externalRef":"crm-42","companyNumber":"556000-0000","companyAddress":"1 Engine Street",
                 "attributes":{"segment":"smb","score":710,"flags":{"pep":false},"tags":["new"]}}""");
        getCase(tenant, id).statusCode(200).body("externalRef", equalTo("crm-42"))
                .body("companyNumber", equalTo("556000-0000")).body("companyAddress", equalTo("1 Engine Street"))
                .body("attributes.segment", equalTo("smb")).body("attributes.score", equalTo(710))
                .body("attributes.flags.pep", equalTo(false)).body("attributes.tags", hasItem("new"));
    }

    @Test
    void acceptsAnEmptyCase() {
        given().auth().oauth2(TestTokens.token("acme", "client")).contentType(ContentType.JSON).body("{}").when()
                .post("/cases").then().statusCode(201).body("id", notNullValue()).body("attributes.size()", equalTo(0));
    }

    @Test
    void anotherTenantsCaseIsNotFound() {
        String id = given().auth().oauth2(TestTokens.token("acme", "client")).contentType(ContentType.JSON)
                .body("{\"firstName\":\"Ada\"}").when().post("/cases").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.token("globex", "client")).when().get("/cases/{id}", id).then().statusCode(404)
                .contentType(PROBLEM).body("status", equalTo(404)).body("title", equalTo("Not found"));
    }

    @Test
    void anUnknownCaseIsNotFound() {
        getCase("acme", UUID.randomUUID()).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aTokenVerifiedOnceKeepsWorkingAndAForgeryOfItIsStillRefused() {
        String token = TestTokens.token("acme", "client");
        for (int i = 0; i < 3; i++) {
            getCaseWith(token, UUID.randomUUID()).statusCode(404);
        }
        // the same header and claims with another signature: not the remembered text, so verified and refused
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "."
                + TestTokens.tokenSignedByAStranger("acme", "client").split("\\.")[2];
        getCaseWith(forged, UUID.randomUUID()).statusCode(401).contentType(PROBLEM);
        assertThat(tokenVerifier).isInstanceOf(VerifiedTokenCache.class);
    }

    private static io.restassured.response.ValidatableResponse getCaseWith(String token, UUID id) {
        return given().auth().oauth2(token).when().get("/cases/{id}", id).then();
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
    void clientsAdminsAndServicesMayUseCasesOtherRolesMayNot() {
        String tenant = newTenant("roles");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        for (String role : new String[]{"client", "admin", "service"}) {
            as(tenant, role).when().get("/cases/{id}", id).then().statusCode(200);
            as(tenant, role).when().get("/cases").then().statusCode(200);
        }
        for (String role : new String[]{"content-editor", "designer", "operator", "content-approver"}) {
            as(tenant, role).contentType(ContentType.JSON).body("{}").when().post("/cases").then().statusCode(403)
                    .contentType(PROBLEM).body("status", equalTo(403));
            as(tenant, role).when().get("/cases/{id}", id).then().statusCode(403);
            as(tenant, role).when().delete("/cases/{id}", id).then().statusCode(403);
        }
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
    void aValueOfTheWrongJsonTypeIsNotConverted() {
        createCase("acme", "{\"personalNumber\":19121223}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("personalNumber"))
                .body("errors[0].message", equalTo("must be a string"));
        createCase("acme", "{\"email\":true}").statusCode(400).body("errors[0].field", equalTo("email"));
        createCase("acme", "{\"companyNumber\":1.5}").statusCode(400).body("errors[0].field", equalTo("companyNumber"));
    }

    @Test
    void everyOverLongFieldIsNamed() {
        createCase("acme", """
                {"lastName":"%s","personalNumber":"%s","email":"%s@example.com","companyName":"%s",
                 "companyNumber":"%s","companyAddress":"%s","externalRef":"%s"}""".formatted("x".repeat(201),
                "1".repeat(65), "a".repeat(320), "c".repeat(301), "2".repeat(65), "d".repeat(501), "e".repeat(201)))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("lastName", "personalNumber",
                        "email", "companyName", "companyNumber", "companyAddress", "externalRef"));
    }

    @Test
    void attributesMustBeASmallObject() {
        createCase("acme", "{\"attributes\":[1,2]}").statusCode(400).contentType(PROBLEM).body("errors[0].field",
                equalTo("attributes"));
        createCase("acme", "{\"attributes\":{\"blob\":\"" + "x".repeat(17_000) + "\"}}").statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("attributes"))
                .body("errors[0].message", containsString("16384 bytes"));
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

    @Test
    void nullFieldsAreLeftOutOfTheAnswer() {
        String tenant = newTenant("nulls");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\",\"email\":null}");
        getCase(tenant, id).statusCode(200).body("email", nullValue()).body("containsKey('email')", equalTo(false));
    }
}
