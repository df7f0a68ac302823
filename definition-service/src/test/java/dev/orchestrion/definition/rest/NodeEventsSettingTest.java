package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.simple;
import static dev.orchestrion.definition.Api.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The definition-level {@code nodeEvents} setting (issue 13, the lean event stream): kept in the draft, every
 * published version (what the runner reads), MongoDB, a {@code .cn} file and its import, and a duplicate, independently
 * of {@code eager}; absent means the platform default (null); a value other than true or false is a 400 naming it.
 */
@QuarkusTest
class NodeEventsSettingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReactiveMongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void nodeEventsTrueIsKeptInTheDraftTheVersionMongoTheExportAReimportAndADuplicate() throws Exception {
        String t = tenant();
        // eager false beside nodeEvents true: the two settings must not be mixed up anywhere they travel
        String id = create(t, withSetting(withNodeEvents(simple("Per node"), "true"), "eager", "false"));
        as(t, "designer").get("/definitions/{id}", id).then().statusCode(200).body("nodeEvents", equalTo(true))
                .body("eager", equalTo(false));

        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        as(t, "service").get("/definitions/{id}/versions/1", id).then().statusCode(200)
                .body("nodeEvents", equalTo(true)).body("eager", equalTo(false));
        Document version = mongo.getDatabase(database).getCollection("definition_versions")
                .find(Filters.eq("_id", id + ":1")).collect().first().await().indefinitely();
        assertThat(version.get("nodeEvents")).isEqualTo(Boolean.TRUE);
        Document draft = mongo.getDatabase(database).getCollection("definition_contents")
                .find(Filters.eq("definitionId", id)).collect().first().await().indefinitely();
        assertThat(draft.get("content", Document.class).get("nodeEvents")).isEqualTo(Boolean.TRUE);

        String file = as(t, "designer").get("/definitions/{id}/export", id).then().statusCode(200).extract().asString();
        JsonNode exported = JSON.readTree(file).path("definitions").path(0).path("definition");
        assertThat(exported.path("nodeEvents").isBoolean()).isTrue();
        assertThat(exported.path("nodeEvents").booleanValue()).isTrue();

        String other = tenant();
        String imported = as(other, "designer").contentType("application/octet-stream")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/definitions/import").then().statusCode(201)
                .body("items", hasSize(1)).extract().path("items[0].id");
        as(other, "designer").get("/definitions/{id}", imported).then().statusCode(200)
                .body("nodeEvents", equalTo(true)).body("eager", equalTo(false));

        String copy = as(t, "designer").post("/definitions/{id}/duplicate", id).then().statusCode(201).extract()
                .path("id");
        as(t, "designer").get("/definitions/{id}", copy).then().statusCode(200).body("nodeEvents", equalTo(true));
    }

    @Test
    void anEditChangesItAndLeavingItOutGoesBackToThePlatformDefault() {
        String t = tenant();
        String id = create(t, withNodeEvents(simple("Edited"), "true"));
        as(t, "designer").get("/definitions/{id}", id).then().body("nodeEvents", equalTo(true));
        as(t, "designer").body(simple("Edited")).put("/definitions/{id}", id).then().statusCode(200)
                .body("$", hasKey("nodeEvents")).body("nodeEvents", nullValue());
        as(t, "designer").body(withNodeEvents(simple("Edited"), "false")).put("/definitions/{id}", id).then()
                .statusCode(200).body("nodeEvents", equalTo(false));
        as(t, "designer").get("/definitions/{id}", id).then().body("nodeEvents", equalTo(false));
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        as(t, "service").get("/definitions/{id}/versions/1", id).then().statusCode(200).body("nodeEvents",
                equalTo(false));
    }

    @Test
    void absentStaysNullEverywhereIncludingADefinitionMadeFromATemplate() throws Exception {
        String t = tenant();
        String id = create(t, simple("Default"));
        as(t, "designer").get("/definitions/{id}", id).then().statusCode(200).body("$", hasKey("nodeEvents"))
                .body("nodeEvents", nullValue());
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        as(t, "service").get("/definitions/{id}/versions/1", id).then().statusCode(200).body("$", hasKey("nodeEvents"))
                .body("nodeEvents", nullValue());
        String file = as(t, "designer").get("/definitions/{id}/export", id).then().statusCode(200).extract().asString();
        JsonNode exported = JSON.readTree(file).path("definitions").path(0).path("definition");
        assertThat(exported.has("nodeEvents")).isTrue();
        assertThat(exported.path("nodeEvents").isNull()).isTrue();
        String other = tenant();
        String imported = as(other, "designer").body(file).post("/definitions/import").then().statusCode(201).extract()
                .path("items[0].id");
        as(other, "designer").get("/definitions/{id}", imported).then().body("$", hasKey("nodeEvents"))
                .body("nodeEvents", nullValue());

        String fromTemplate = as(t, "designer").post("/templates/{id}/definitions", "abandoned-cart").then()
                .statusCode(201).extract().path("id");
        as(t, "designer").get("/definitions/{id}", fromTemplate).then().statusCode(200).body("$", hasKey("nodeEvents"))
                .body("nodeEvents", nullValue());
    }

    @Test
    void aValueOtherThanTrueOrFalseIsA400NamingNodeEventsAndNothingIsStored() {
        String t = tenant();
        for (String value : new String[]{"\"yes\"", "\"true\"", "1", "0", "{}", "[true]"}) {
            as(t, "designer").body(withNodeEvents(simple("Bad"), value)).post("/definitions").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400)).body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("nodeEvents"))
                    .body("errors[0].message", equalTo("must be true or false"));
        }
        String id = create(t, withNodeEvents(simple("Kept"), "true"));
        as(t, "designer").body(withNodeEvents(simple("Changed"), "\"yes\"")).put("/definitions/{id}", id).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("nodeEvents"));
        as(t, "designer").get("/definitions/{id}", id).then().body("name", equalTo("Kept")).body("revision", equalTo(0))
                .body("nodeEvents", equalTo(true));

        String file = """
                {"format": "orchestrion.cn", "formatVersion": 1, "definitions": [
                  {"sourceId": "a", "definition": %s}]}""".formatted(withNodeEvents(simple("Imported"), "1"));
        as(t, "designer").body(file).post("/definitions/import").then().statusCode(400)
                .contentType("application/problem+json").body("errors", hasSize(1))
                .body("errors[0].field", equalTo("definitions[0].definition.nodeEvents"));
        as(t, "designer").get("/definitions").then().body("total", equalTo(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesNodeEventsInTheRequestAndInTheExamplesOfADefinitionAndAVersion() {
        Map<String, Object> openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .as(Map.class);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) openApi.get("components"))
                .get("schemas");
        Map<String, Object> request = (Map<String, Object>) schemas.get("DefinitionRequest");
        String property = String.valueOf(((Map<String, Object>) request.get("properties")).get("nodeEvents"));
        assertThat(property).contains("boolean").contains("ORCHESTRION_RUNNER_EVENTS_PER_NODE")
                .contains("dev.orchestrion.run.progressed");
        Map<String, Object> paths = (Map<String, Object>) openApi.get("paths");
        for (String path : new String[]{"/definitions/{id}", "/definitions/{id}/versions/{n}"}) {
            Object get = ((Map<String, Object>) paths.get(path)).get("get");
            assertThat(String.valueOf(get)).as(path).contains("nodeEvents=null");
        }
    }

    private static String withNodeEvents(String definition, String value) {
        return withSetting(definition, "nodeEvents", value);
    }

    private static String withSetting(String definition, String field, String value) {
        return definition.replaceFirst("\\{", "{\"" + field + "\": " + value + ", ");
    }
}
