package dev.orchestrion.definition.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document describes every endpoint, with a summary and an example answer. */
@QuarkusTest
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointIsDescribedWithExamples() {
        Map<String, Object> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .path("paths");
        assertThat(paths).containsKeys("/definitions", "/definitions/{id}", "/definitions/{id}/start",
                "/definitions/{id}/publish", "/definitions/{id}/pause", "/definitions/{id}/resume",
                "/definitions/{id}/finalize", "/definitions/{id}/duplicate", "/definitions/{id}/move",
                "/definitions/{id}/incidents", "/definitions/{id}/export", "/definitions/export", "/definitions/import",
                "/definitions/bulk", "/definitions/{id}/versions", "/definitions/{id}/versions/{n}",
                "/definitions/{id}/parameter-schema", "/folders", "/folders/{id}", "/priorities", "/templates",
                "/templates/{id}", "/templates/{id}/definitions", "/connections", "/connections/{id}",
                "/internal/connections/{id}", "/node-types");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            Map<String, Object> operations = (Map<String, Object>) path.getValue();
            for (Map.Entry<String, Object> operation : operations.entrySet()) {
                if (!List.of("get", "post", "put", "delete").contains(operation.getKey())) {
                    continue;
                }
                Map<String, Object> op = (Map<String, Object>) operation.getValue();
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                assertThat(op).as(where).containsKey("summary");
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                boolean example = responses.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                        .anyMatch(e -> e.getKey().equals("204") || e.getValue().toString().contains("examples"));
                assertThat(example).as("an example answer for " + where).isTrue();
            }
        }
    }
}
