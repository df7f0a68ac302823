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
 * The definition-level {@code eager} setting (issue 13): kept in the draft, every published version (what the runner
 * reads), MongoDB, a {@code .cn} file and its import, and a duplicate; absent means the platform default (null); a
 * value other than true or false is a 400 naming it.
 */
@QuarkusTest
class EagerSettingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReactiveMongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void eagerFalseIsKeptInTheDraftTheVersionMongoTheExportAReimportAndADuplicate() throws Exception {
        String t = tenant();
        String id = create(t, withEager(simple("Queued"), "false"));
        as(t, "designer").get("/definitions/{id}", id).then().statusCode(200).body("eager", equalTo(false));

        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        as(t, "service").get("/definitions/{id}/versions/1", id).then().statusCode(200).body("eager", equalTo(false));
        Document version = mongo.getDatabase(database).getCollection("definition_versions")
                .find(Filters.eq("_id", id + ":1")).collect().first().await().indefinitely();
        assertThat(version.get("eager")).isEqualTo(Boolean.FALSE);
        Document draft = mongo.getDatabase(database).getCollection("definition_contents")
                .find(Filters.eq("definitionId", id)).collect().first().await().indefinitely();
        assertThat(draft.get("content", Document.class).get("eager")).isEqualTo(Boolean.FALSE);

        String file = as(t, "designer").get("/definitions/{id}/export", id).then().statusCode(200).extract().asString();
        JsonNode exported = JSON.readTree(file).path("definitions").path(0).path("definition");
        assertThat(exported.path("eager").isBoolean()).isTrue();
        assertThat(exported.path("eager").booleanValue()).isFalse();

        String other = tenant();
        String imported = as(other, "designer").contentType("application/octet-stream")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/definitions/import").then().statusCode(201)
                .body("items", hasSize(1)).extract().path("items[0].id");
        as(other, "designer").get("/definitions/{id}", imported).then().statusCode(200).body("eager", equalTo(false));

        String copy = as(t, "designer").post("/definitions/{id}/duplicate", id).then().statusCode(201).extract()
                .path("id");
        as(t, "designer").get("/definitions/{id}", copy).then().statusCode(200).body("eager", equalTo(false));
    }

    @Test
    void anEditChangesItAndLeavingItOutGoesBackToThePlatformDefault() {
        String t = tenant();
        String id = create(t, withEager(simple("Edited"), "true"));
        as(t, "designer").get("/definitions/{id}", id).then().body("eager", equalTo(true));
        as(t, "designer").body(simple("Edited")).put("/definitions/{id}", id).then().statusCode(200)
                .body("$", hasKey("eager")).body("eager", nullValue());
        as(t, "designer").body(withEager(simple("Edited"), "false")).put("/definitions/{id}", id).then().statusCode(200)
                .body("eager", equalTo(false));
        as(t, "designer").get("/definitions/{id}", id).then().body("eager", equalTo(false));
    }

    @Test
    void absentStaysNullEverywhere() throws Exception {
        String t = tenant();
        String id = create(t, simple("Default"));
        as(t, "designer").get("/definitions/{id}", id).then().statusCode(200).body("$", hasKey("eager")).body("eager",
                nullValue());
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        as(t, "service").get("/definitions/{id}/versions/1", id).then().statusCode(200).body("$", hasKey("eager"))
                .body("eager", nullValue());
        String file = as(t, "designer").get("/definitions/{id}/export", id).then().statusCode(200).extract().asString();
        JsonNode exported = JSON.readTree(file).path("definitions").path(0).path("definition");
        assertThat(exported.has("eager")).isTrue();
        assertThat(exported.path("eager").isNull()).isTrue();
        String other = tenant();
        String imported = as(other, "designer").body(file).post("/definitions/import").then().statusCode(201).extract()
                .path("items[0].id");
        as(other, "designer").get("/definitions/{id}", imported).then().body("eager", nullValue());
    }

    @Test
    void aValueOtherThanTrueOrFalseIsA400NamingEagerAndNothingIsStored() {
        String t = tenant();
        for (String value : new String[]{"\"no\"", "\"true\"", "1", "0", "{}", "[true]"}) {
            as(t, "designer").body(withEager(simple("Bad"), value)).post("/definitions").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400)).body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("eager"))
                    .body("errors[0].message", equalTo("must be true or false"));
        }
        String id = create(t, simple("Kept"));
        as(t, "designer").body(withEager(simple("Changed"), "\"no\"")).put("/definitions/{id}", id).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("eager"));
        as(t, "designer").get("/definitions/{id}", id).then().body("name", equalTo("Kept")).body("revision",
                equalTo(0));

        String file = """
                {"format": "orchestrion.cn", "formatVersion": 1, "definitions": [
                  {"sourceId": "a", "definition": %s}]}""".formatted(withEager(simple("Imported"), "\"no\""));
        as(t, "designer").body(file).post("/definitions/import").then().statusCode(400)
                .contentType("application/problem+json").body("errors", hasSize(1))
                .body("errors[0].field", equalTo("definitions[0].definition.eager"));
        as(t, "designer").get("/definitions").then().body("total", equalTo(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesEagerInTheRequestAndInTheExamplesOfADefinitionAndAVersion() {
        Map<String, Object> openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .as(Map.class);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) openApi.get("components"))
                .get("schemas");
        Map<String, Object> request = (Map<String, Object>) schemas.get("DefinitionRequest");
        assertThat(String.valueOf(((Map<String, Object>) request.get("properties")).get("eager"))).contains("boolean");
        Map<String, Object> paths = (Map<String, Object>) openApi.get("paths");
        for (String path : new String[]{"/definitions/{id}", "/definitions/{id}/versions/{n}"}) {
            Object get = ((Map<String, Object>) paths.get(path)).get("get");
            assertThat(String.valueOf(get)).as(path).contains("eager=null");
        }
    }

    private static String withEager(String definition, String value) {
        return definition.replaceFirst("\\{", "{\"eager\": " + value + ", ");
    }
}
