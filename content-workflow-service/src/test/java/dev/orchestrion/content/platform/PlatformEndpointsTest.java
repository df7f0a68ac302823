package dev.orchestrion.content.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.orchestrion.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("MongoDB connection health check", "Kafka connection health check");
    }

    @Override
    protected String documentedPath() {
        return "/api/v1/internal/contenttype/{name}";
    }

    @Override
    protected String pathWithoutDelete() {
        return "/api/v1/workflow";
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        ValidatableResponse openApi = given().when().get("/q/openapi?format=json").then().statusCode(200);
        for (String path : List.of("/api/v1/internal/contenttype", "/api/v1/internal/contenttype/{name}",
                "/api/v1/workflow-definitions", "/api/v1/workflow-definitions/{id}", "/api/v1/workflow",
                "/api/v1/workflow/{type}/{id}", "/api/v1/content/{type}", "/api/v1/content/{type}/{id}",
                "/api/v1/content/{type}/{id}/version", "/api/v1/content/{type}/{id}/version/{number}",
                "/api/v1/content/{type}/{id}/version/compare", "/api/v1/content/{type}/{id}/workflow/events",
                "/api/v1/content/{type}/{id}/workflow/history", "/api/v1/content/{type}/{id}/schedules",
                "/api/v1/content/{type}/{id}/schedules/{kind}")) {
            openApi.body("paths", hasKey(path));
        }
    }
}
