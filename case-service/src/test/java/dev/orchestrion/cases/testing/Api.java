package dev.orchestrion.cases.testing;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import dev.orchestrion.testsupport.TestTokens;

/** Short ways to call case-service as a client of one tenant. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";
    public static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    private Api() {
    }

    /** A tenant no other test uses. */
    public static String newTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String tenant, String... roles) {
        return given().auth().oauth2(TestTokens.token(tenant, roles.length == 0 ? new String[]{"client"} : roles));
    }

    public static ValidatableResponse createCase(String tenant, String json) {
        return as(tenant).contentType(ContentType.JSON).body(json).when().post("/cases").then();
    }

    /** Creates a case and answers its id. */
    public static UUID newCase(String tenant, String json) {
        return UUID.fromString(createCase(tenant, json).statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse getCase(String tenant, UUID id) {
        return as(tenant).when().get("/cases/{id}", id).then();
    }

    public static ValidatableResponse patchCase(String tenant, UUID id, String json) {
        return as(tenant).contentType(MERGE_PATCH).body(json).when().patch("/cases/{id}", id).then();
    }
}
