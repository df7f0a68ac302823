package dev.orchestrion.definition;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.orchestrion.testsupport.TestTokens;

/** Shortcuts for the REST tests: tokens per role, the examples of docs/, small definitions. */
public final class Api {

    private Api() {
    }

    /** A fresh tenant per test keeps tests independent on the shared database. */
    public static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String tenant, String... roles) {
        return given().auth().oauth2(TestTokens.token(tenant, roles)).contentType(ContentType.JSON);
    }

    public static Path root() {
        return Path.of(System.getProperty("orchestrion.root", ".."));
    }

    public static String doc(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** start -> set -> end, no incidents. */
    public static String simple(String name) {
        return """
                {"name": "%s", "description": "a simple workflow", "tags": ["simple"],
                 "trigger": {"kind": "api"},
                 "nodes": [
                   {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
                   {"id": "set", "type": "set", "name": "Set", "position": {"x": 100, "y": 0},
                    "properties": {"assignments": [{"name": "x", "value": "1"}]}},
                   {"id": "end", "type": "end", "name": "End", "position": {"x": 200, "y": 0},
                    "properties": {"result": {"x": "vars.x"}}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "set"},
                                         {"from": "set", "output": "next", "to": "end"}],
                 "dataConnectors": []}""".formatted(name);
    }

    public static String create(String tenant, String body) {
        return as(tenant, "designer").body(body).post("/definitions").then().statusCode(201).extract().path("id");
    }

    public static String createStarted(String tenant, String name) {
        String id = create(tenant, simple(name));
        as(tenant, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        return id;
    }
}
