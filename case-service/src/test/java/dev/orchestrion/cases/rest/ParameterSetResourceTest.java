package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.PROBLEM;
import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static dev.orchestrion.cases.testing.ParameterDeclarations.declaration;
import static dev.orchestrion.cases.testing.ParameterDeclarations.optional;
import static dev.orchestrion.cases.testing.ParameterDeclarations.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.orchestrion.cases.testing.FakeDefinitionService;

/** POST/GET /parameters and the re-validation runner-service asks for. */
@QuarkusTest
class ParameterSetResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parameter per rule of docs/node-types.md, "Parameters". */
    private static final List<Map<String, Object>> LOAN = List.of(
            declaration("amount", "number", true, null, Map.of("min", 100, "max", 50_000)),
            declaration("months", "integer", false, 12, Map.of("min", 1, "max", 120)),
            declaration("currency", "string", false, "SEK", Map.of("enum", List.of("SEK", "EUR"))),
            declaration("reference", "string", false, null,
                    Map.of("minLength", 4, "maxLength", 8, "pattern", "[A-Z0-9]+")),
            declaration("signed", "boolean", false, false, Map.of()),
            declaration("startDate", "date", false, null, Map.of()),
            declaration("applicant", "object", false, null, Map.of()),
            declaration("coApplicants", "array", false, null, Map.of("minItems", 1, "maxItems", 2)));

    @Test
    void createsASetWithTheDefaultsOfThePublishedVersion() {
        String tenant = newTenant("params");
        UUID definition = FakeDefinitionService.started(tenant, LOAN);
        String location = create(tenant, definition, """
                {"amount":2500,"reference":"AB12","startDate":"2026-03-01","applicant":{"name":"Ada"},
                 "coApplicants":["Charles"]}""").statusCode(201).header("Location", containsString("/parameters/"))
                .body("id", notNullValue()).body("workflowDefinitionId", equalTo(definition.toString()))
                .body("definitionVersion", equalTo(1)).body("createdAt", notNullValue())
                .body("parameters.amount", equalTo(2500)).body("parameters.months", equalTo(12))
                .body("parameters.currency", equalTo("SEK")).body("parameters.signed", equalTo(false))
                .body("parameters.applicant.name", equalTo("Ada")).extract().header("Location");

        as(tenant).when().get(location).then().statusCode(200).body("definitionVersion", equalTo(1))
                .body("parameters.months", equalTo(12)).body("parameters.reference", equalTo("AB12"))
                .body("parameters.startDate", equalTo("2026-03-01"))
                .body("parameters.containsKey('coApplicants')", equalTo(true));
    }

    @Test
    void redactedValuesShowAsStarsToEveryRoleButService() {
        String tenant = newTenant("params-redacted");
        Map<String, Object> apiKey = new java.util.LinkedHashMap<>(required("apiKey", "string"));
        apiKey.put("redacted", true);
        UUID definition = FakeDefinitionService.started(tenant, List.of(apiKey, optional("region", "string")));
        String location = create(tenant, definition, "{\"apiKey\":\"sk-live-0123456789\",\"region\":\"north\"}")
                .statusCode(201).body("parameters.apiKey", equalTo("***")).body("parameters.region", equalTo("north"))
                .extract().header("Location");

        for (String role : new String[]{"client", "admin"}) {
            String body = as(tenant, role).when().get(location).then().statusCode(200)
                    .body("parameters.apiKey", equalTo("***")).body("parameters.region", equalTo("north")).extract()
                    .asString();
            assertThat(body).doesNotContain("sk-live-0123456789");
        }
        // runner-service reads the set with a service token to run with it: it gets the real value
        as(tenant, "service").when().get(location).then().statusCode(200).body("parameters.apiKey",
                equalTo("sk-live-0123456789"));

        UUID draft = FakeDefinitionService.draft(tenant, List.of(apiKey));
        String draftSet = create(tenant, draft, "{\"apiKey\":\"sk-draft-0123456789\"}").statusCode(201).extract()
                .header("Location");
        as(tenant).when().get(draftSet).then().statusCode(200).body("definitionVersion", nullValue())
                .body("parameters.apiKey", equalTo("***"));
    }

    @Test
    void aNeverStartedDefinitionIsValidatedAgainstItsDraft() {
        String tenant = newTenant("params-draft");
        UUID definition = FakeDefinitionService.draft(tenant, List.of(required("region", "string")));
        create(tenant, definition, "{\"region\":\"north\"}").statusCode(201).body("$", hasKey("definitionVersion"))
                .body("definitionVersion", nullValue()).body("parameters.region", equalTo("north"));
        create(tenant, definition, "{}").statusCode(400).body("errors[0].field", equalTo("parameters.region"));
    }

    @Test
    void listsEveryViolationAtOnce() {
        String tenant = newTenant("params-bad");
        UUID definition = FakeDefinitionService.started(tenant, LOAN);
        ValidatableResponse response = create(tenant, definition, """
                {"months":0.5,"currency":"USD","reference":"ab","signed":"yes","startDate":"2026-02-30",
                 "applicant":[],"coApplicants":["a","b","c"],"nickname":"x"}""").statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400));
        response.body("errors", hasSize(10));
        List<Map<String, String>> errors = response.extract().path("errors");
        assertThat(errors).extracting(e -> e.get("field") + " " + e.get("message")).containsExactlyInAnyOrder(
                "parameters.amount is required", "parameters.months must be an integer",
                "parameters.currency must be one of [\"SEK\", \"EUR\"]",
                "parameters.reference must be at least 4 characters long",
                "parameters.reference must match the pattern [A-Z0-9]+", "parameters.signed must be true or false",
                "parameters.startDate must be a date (YYYY-MM-DD)", "parameters.applicant must be an object",
                "parameters.coApplicants must have at most 2 items",
                "parameters.nickname is not a parameter of this workflow definition");
        create(tenant, definition, "{\"amount\":99,\"months\":121,\"reference\":\"ABCDEFGHI\",\"coApplicants\":[]}")
                .statusCode(400).body("errors.message", containsInAnyOrder("must be at least 100",
                        "must be at most 120", "must be at most 8 characters long", "must have at least 1 item"));
        create(tenant, definition, "{\"amount\":50001}").statusCode(400).body("errors[0].message",
                equalTo("must be at most 50000"));
    }

    @Test
    void anUnknownOrAnotherTenantsDefinitionIsNotFound() {
        create(newTenant("params-404"), UUID.randomUUID(), "{}").statusCode(404).contentType(PROBLEM).body("detail",
                containsString("Workflow definition"));
        UUID theirs = FakeDefinitionService.started(newTenant("params-owner"), LOAN);
        create(newTenant("params-other"), theirs, "{\"amount\":500}").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void asksDefinitionServiceWithAServiceTokenOfTheCallersTenant() throws Exception {
        String tenant = newTenant("params-token");
        UUID definition = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
        create(tenant, definition, "{}").statusCode(201);
        List<String> authorizations = FakeDefinitionService.authorizations(definition);
        assertThat(authorizations).isNotEmpty();
        for (String authorization : authorizations) {
            JsonNode claims = JSON.readTree(new String(
                    Base64.getUrlDecoder().decode(authorization.substring("Bearer ".length()).split("\\.")[1]),
                    StandardCharsets.UTF_8));
            assertThat(claims.get("tenant").asText()).isEqualTo(tenant);
            assertThat(claims.get("groups").toString()).contains("service");
        }
    }

    @Test
    void aBadBodyIsABadRequest() {
        String tenant = newTenant("params-body");
        as(tenant).contentType(ContentType.JSON).body("{\"parameters\":{}}").when().post("/parameters").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("workflowDefinitionId"));
        as(tenant).contentType(ContentType.JSON).body("{\"workflowDefinitionId\":\"not-a-uuid\"}").when()
                .post("/parameters").then().statusCode(400).body("errors[0].field", equalTo("workflowDefinitionId"));
        as(tenant).contentType(ContentType.JSON)
                .body("{\"workflowDefinitionId\":\"" + UUID.randomUUID() + "\",\"parameters\":[1]}").when()
                .post("/parameters").then().statusCode(400).body("errors[0].field", equalTo("parameters"));
        as(tenant).contentType(ContentType.JSON)
                .body("{\"workflowDefinitionId\":\"" + UUID.randomUUID() + "\",\"extra\":1}").when().post("/parameters")
                .then().statusCode(400).body("errors[0].field", equalTo("extra"));
    }

    @Test
    void aParameterSetIsReadOnlyAndScopedToItsTenant() {
        String tenant = newTenant("params-read");
        UUID definition = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
        String id = create(tenant, definition, "{\"x\":\"y\"}").statusCode(201).extract().path("id");
        as(tenant).when().get("/parameters/{id}", id).then().statusCode(200).body("parameters.x", equalTo("y"));
        as(newTenant("params-read")).when().get("/parameters/{id}", id).then().statusCode(404).contentType(PROBLEM);
        as(tenant).when().get("/parameters/{id}", UUID.randomUUID()).then().statusCode(404);
        as(tenant).contentType(ContentType.JSON).body("{}").when().put("/parameters/{id}", id).then().statusCode(405);
        as(tenant).contentType(ContentType.JSON).body("{}").when().patch("/parameters/{id}", id).then().statusCode(405);
        as(tenant).when().delete("/parameters/{id}", id).then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void onlyClientsAdminsAndServicesMayUseParameterSets() {
        String tenant = newTenant("params-roles");
        UUID definition = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
        for (String role : new String[]{"client", "admin", "service"}) {
            as(tenant, role).contentType(ContentType.JSON).body(body(definition, "{}")).when().post("/parameters")
                    .then().statusCode(201);
        }
        as(tenant, "designer").contentType(ContentType.JSON).body(body(definition, "{}")).when().post("/parameters")
                .then().statusCode(403).contentType(PROBLEM);
        as(tenant, "content-editor").when().get("/parameters/{id}", UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void checksAStoredSetAgainstAnotherPublishedVersion() {
        String tenant = newTenant("params-versions");
        UUID definition = FakeDefinitionService.started(tenant,
                List.of(declaration("amount", "number", true, null, Map.of("min", 0))));
        String id = create(tenant, definition, "{\"amount\":10}").statusCode(201).extract().path("id");
        FakeDefinitionService.publish(tenant, definition,
                List.of(declaration("amount", "number", true, null, Map.of("max", 5)), required("limit", "integer"),
                        declaration("mode", "string", true, "fast", Map.of())));

        validate(tenant, id, "{\"version\":2}").statusCode(200).body("valid", equalTo(false))
                .body("violations", hasSize(2))
                .body("violations.field", containsInAnyOrder("parameters.amount", "parameters.limit"))
                .body("violations.message", containsInAnyOrder("must be at most 5", "is required"));
        validate(tenant, id, "{\"version\":1}").statusCode(200).body("valid", equalTo(true)).body("violations",
                hasSize(0));
        validate(tenant, id, "{\"version\":3}").statusCode(404).contentType(PROBLEM).body("detail",
                containsString("Version 3"));
        validate(tenant, UUID.randomUUID().toString(), "{\"version\":1}").statusCode(404);
        validate(newTenant("params-versions"), id, "{\"version\":1}").statusCode(404);
        validate(tenant, id, "{\"version\":0}").statusCode(400).body("errors[0].field", equalTo("version"));
        validate(tenant, id, "{}").statusCode(400).body("errors[0].field", equalTo("version"));
        validate(tenant, id, "{\"version\":\"2\"}").statusCode(400).body("errors[0].field", equalTo("version"));
        // The set itself never changes.
        as(tenant).when().get("/parameters/{id}", id).then().body("definitionVersion", equalTo(1))
                .body("parameters.amount", equalTo(10));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstSetAndRefusesAnotherBody() {
        String tenant = newTenant("params-idem");
        UUID definition = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
        String key = UUID.randomUUID().toString();
        String first = as(tenant).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(definition, "{\"x\":\"a\"}")).when().post("/parameters").then().statusCode(201).extract()
                .path("id");
        as(tenant).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(definition, "{ \"x\" : \"a\" }")).when().post("/parameters").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(tenant).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body(definition, "{\"x\":\"b\"}"))
                .when().post("/parameters").then().statusCode(422).contentType(PROBLEM);
        // A key is one request: the same key on POST /cases is another request.
        as(tenant).header("Idempotency-Key", key).contentType(ContentType.JSON).body("{}").when().post("/cases").then()
                .statusCode(422);
    }

    private static ValidatableResponse create(String tenant, UUID definition, String parameters) {
        return as(tenant).contentType(ContentType.JSON).body(body(definition, parameters)).when().post("/parameters")
                .then();
    }

    private static ValidatableResponse validate(String tenant, String id, String body) {
        return as(tenant).contentType(ContentType.JSON).body(body).when().post("/parameters/{id}/validation", id)
                .then();
    }

    private static String body(UUID definition, String parameters) {
        return "{\"workflowDefinitionId\":\"" + definition + "\",\"parameters\":" + parameters + "}";
    }
}
