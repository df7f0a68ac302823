package dev.orchestrion.runner.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Ids a client names (issue 11, section 2): a malformed one is refused before any other service is asked (400 in a
 * body or query, 404 in a path), and an id of something the tenant does not have (another tenant's included) is
 * refused when the resource that names it is created (422 naming the field).
 */
@QuarkusTest
class ClientIdsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aMalformedDefinitionIdInARunRequestIsRefusedBeforeDefinitionServiceIsAsked() {
        String token = TestTokens.token(tenant(), "client");
        UUID caseId = PeerServices.existingCase(Map.of());
        String marker = UUID.randomUUID().toString();
        for (String malformed : List.of("\\ud800", "../" + marker, "not-a-uuid-" + marker, "1-1-1-1-1",
                marker + "\\u0000", "")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\"" + malformed + "\"}").when()
                    .post("/workflows/run").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", equalTo(List.of("workflowDefinitionId")))
                    // text no store can hold is named by the edge's text rule, anything else by the id rule
                    .body("errors.message",
                            hasItem(malformed.contains("\\u")
                                    ? "must not contain NUL or unpaired surrogate characters"
                                    : "must be a UUID"));
        }
        PeerServices.server().verify(exactly(0), anyRequestedFor(urlMatching(".*" + marker + ".*")));
    }

    @Test
    void aMalformedIdInAQueryIsA400NamingIt() {
        String tenant = tenant();
        given().auth().oauth2(TestTokens.token(tenant, "client")).when().get("/workflows?caseId=1-1-1-1-1").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("caseId"));
        given().auth().oauth2(TestTokens.token(tenant, "client")).urlEncodingEnabled(false).when()
                .get("/workflows?definitionId=%ED%A0%80").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("definitionId"));
        given().auth().oauth2(TestTokens.token(tenant, "admin")).when().get("/webhooks/deliveries?runId=1-1-1-1-1")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("runId"));
        given().when().get("/hooks/{tenant}/ping?caseId=1-1-1-1-1", tenant).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("caseId"));
    }

    @Test
    void aMalformedIdInAPathIsNotFound() {
        String token = TestTokens.token(tenant(), "client");
        for (String malformed : List.of("%ED%A0%80", "..%2F..%2Fcases", "not-a-uuid")) {
            given().auth().oauth2(token).urlEncodingEnabled(false).when().get("/workflows/" + malformed).then()
                    .statusCode(404).contentType(PROBLEM);
        }
        // a NUL is the edge's text rule: 400 naming the parameter
        given().auth().oauth2(token).urlEncodingEnabled(false).when().get("/workflows/%00").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("id")));
    }

    @Test
    void anApiKeyForADefinitionTheTenantDoesNotHaveIsRefused() {
        String tenant = tenant();
        String admin = TestTokens.token(tenant, "admin");
        String known = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        // definition-service answers 404 for another tenant's definition exactly as for one that never existed
        String othersOrUnknown = UUID.randomUUID().toString();

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "shop", "definitionIds", List.of(known, othersOrUnknown))).when().post("/api-keys")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", equalTo(List.of("definitionIds[1]")));
        given().auth().oauth2(admin).when().get("/api-keys").then().statusCode(200).body("$", hasSize(0));

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "shop", "definitionIds", List.of(known))).when().post("/api-keys").then()
                .statusCode(201);
    }

    @Test
    void aBusinessEventForACaseTheTenantDoesNotHaveIsRefused() {
        String token = TestTokens.token(tenant(), "client");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "order.placed", "caseId", UUID.randomUUID())).when().post("/events").then()
                .statusCode(422).contentType(PROBLEM).body("errors.field", equalTo(List.of("caseId")));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "order.placed", "caseId", PeerServices.erasedCase())).when().post("/events").then()
                .statusCode(422).contentType(PROBLEM).body("errors.field", equalTo(List.of("caseId")));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "order.placed", "caseId", PeerServices.existingCase(Map.of()))).when()
                .post("/events").then().statusCode(202);
    }

    private static String tenant() {
        return "ids-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
