package dev.orchestrion.content.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import dev.orchestrion.testsupport.TestTokens;

/** Calls of the service's API that tests repeat, as a client makes them. */
public final class ContentApi {

    public static final String TITLE_FIELD = "{\"name\":\"title\",\"type\":\"text\",\"required\":true,"
            + "\"validations\":{\"maxLength\":100}}";
    public static final String BODY_FIELD = "{\"name\":\"body\",\"type\":\"richtext\"}";

    private ContentApi() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static RequestSpecification as(String tenant, String... roles) {
        return given().auth().oauth2(TestTokens.token(tenant, roles)).contentType(ContentType.JSON);
    }

    /** A content type with a required title and an optional body, following {@code workflowId}. */
    public static String contentType(String tenant, String workflowId) {
        String name = unique("post");
        as(tenant, "designer").body("{\"label\":\"Posts\",\"workflowId\":\"" + workflowId + "\",\"fields\":["
                + TITLE_FIELD + "," + BODY_FIELD + "]}").when().put("/api/v1/internal/contenttype/" + name).then()
                .statusCode(200);
        return name;
    }

    public static String entry(String tenant, String type, String title) {
        return as(tenant, "content-editor").body("{\"title\":\"" + title + "\"}").when().post("/api/v1/content/" + type)
                .then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse invoke(String tenant, String role, String type, String id, String event,
            String message) {
        String data = message == null ? "" : ",\"data\":{\"message\":\"" + message + "\"}";
        return as(tenant, role).body("{\"event\":\"" + event + "\"" + data + "}").when()
                .post("/api/v1/content/" + type + "/" + id + "/workflow/events").then();
    }

    public static ValidatableResponse transition(String tenant, String role, String type, String id, String action) {
        return as(tenant, role).body("{\"action\":\"" + action + "\"}").when()
                .put("/api/v1/workflow/" + type + "/" + id).then();
    }

    public static ValidatableResponse get(String tenant, String type, String id) {
        return as(tenant, "content-editor").when().get("/api/v1/content/" + type + "/" + id).then();
    }

    public static ValidatableResponse getPublic(String tenant, String type, String id) {
        return as(tenant, "content-editor").header("x-visibility", "public").when()
                .get("/api/v1/content/" + type + "/" + id).then();
    }
}
