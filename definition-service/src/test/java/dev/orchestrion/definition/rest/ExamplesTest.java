package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.doc;
import static dev.orchestrion.definition.Api.tenant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** docs/examples are accepted exactly as they are, and start once their connection exists. */
@QuarkusTest
class ExamplesTest {

    @Test
    void theExamplesAreAcceptedAndStart() {
        String t = tenant();
        String connectionId = as(t, "designer").body("""
                {"name": "credit-bureau", "kind": "http", "endpoint": "https://bureau.example",
                 "auth": {"kind": "bearer"}, "credentials": {"production": {"token": "secret-token"}}}""")
                .post("/connections").then().statusCode(201).extract().path("id");

        String reference = as(t, "designer").body(doc("docs/examples/reference-workflow.json")).post("/definitions")
                .then().statusCode(201).body("name", equalTo("Reference workflow")).extract().path("id");
        String http = as(t, "designer").body(doc("docs/examples/http-update-case.json")).post("/definitions").then()
                .statusCode(201).extract().path("id");

        as(t, "designer").get("/definitions/{id}/incidents", reference).then().body("incidents", hasSize(0));
        as(t, "operator").post("/definitions/{id}/start", reference).then().statusCode(200).body("status",
                equalTo("ACTIVE"));
        as(t, "operator").post("/definitions/{id}/start", http).then().statusCode(200).body("status",
                equalTo("ACTIVE"));

        as(t, "service").get("/definitions/{id}/versions/1", http).then().statusCode(200)
                .body("connections.credit-bureau", equalTo(connectionId)).body("nodes", hasSize(4))
                .body("nodes[1].properties.connection", equalTo("credit-bureau"))
                .body("nodes[1].retry.maxAttempts", equalTo(3)).body("parameters[0].default", equalTo(600));
        as(t, "service").get("/definitions/{id}/versions/1", reference).then().statusCode(200)
                .body("nodes[1].properties.assignments[0].value", equalTo("params.amount * 2.0"))
                .body("parameters[0].type", equalTo("number"));
        as(t, "service").get("/priorities").then().statusCode(200).body("items.definitionId",
                equalTo(java.util.List.of(reference, http)));
    }

    @Test
    void withoutItsConnectionTheHttpExampleHasAnIncident() {
        String t = tenant();
        String http = as(t, "designer").body(doc("docs/examples/http-update-case.json")).post("/definitions").then()
                .statusCode(201).extract().path("id");
        as(t, "operator").post("/definitions/{id}/start", http).then().statusCode(422).body("incidents[0].code",
                equalTo("UNKNOWN_CONNECTION"));
    }
}
