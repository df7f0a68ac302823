package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.definition.repository.ConnectionRepository;

@QuarkusTest
class ConnectionTest {

    private static final String OAUTH = """
            {"name": "crm-api", "kind": "http", "endpoint": "https://crm.example/api",
             "auth": {"kind": "oauth2", "tokenUrl": "https://crm.example/oauth/token", "scope": "read"},
             "credentials": {"test": {"clientId": "test-client", "clientSecret": "test-secret-4711"},
                             "production": {"clientId": "prod-client", "clientSecret": "prod-secret-0815"}}}""";

    @Inject
    ConnectionRepository repository;

    @Test
    void secretsAreMaskedEncryptedAndOnlyServicesReadThem() {
        String t = tenant();
        String id = as(t, "designer").body(OAUTH).post("/connections").then().statusCode(201)
                .body("credentials.production.clientSecret", equalTo("****"))
                .body("credentials.test.clientId", equalTo("****"))
                .body("auth.tokenUrl", equalTo("https://crm.example/oauth/token")).extract().path("id");
        String listed = as(t, "operator").get("/connections").then().statusCode(200).extract().asString();
        String read = as(t, "admin").get("/connections/{id}", id).then().statusCode(200).extract().asString();
        assertThat(listed + read).doesNotContain("prod-secret-0815", "test-secret-4711", "prod-client");

        Document stored = repository.rawDocument(id).await().atMost(Duration.ofSeconds(5));
        assertThat(stored.toJson()).doesNotContain("prod-secret-0815", "test-secret-4711", "prod-client", "test-client")
                .contains("crm-api");

        as(t, "service").get("/internal/connections/{id}?environment=production", id).then().statusCode(200)
                .body("auth.kind", equalTo("oauth2")).body("auth.clientSecret", equalTo("prod-secret-0815"))
                .body("auth.clientId", equalTo("prod-client"))
                .body("auth.tokenUrl", equalTo("https://crm.example/oauth/token"))
                .body("endpoint", equalTo("https://crm.example/api")).body("smtp", nullValue());
        as(t, "service").get("/internal/connections/{id}?environment=test", id).then().statusCode(200)
                .body("auth.clientSecret", equalTo("test-secret-4711"));
        as(t, "service").get("/internal/connections/{id}?environment=staging", id).then().statusCode(400);
        for (String role : new String[]{"admin", "designer", "operator", "client"}) {
            as(t, role).get("/internal/connections/{id}", id).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        as("other-" + t, "service").get("/internal/connections/{id}", id).then().statusCode(404);
        as("other-" + t, "admin").get("/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void updatesKeepCredentialsThatAreNotResentAndNamesAreUnique() {
        String t = tenant();
        String id = as(t, "designer").body(OAUTH).post("/connections").then().statusCode(201).extract().path("id");
        as(t, "designer").body(OAUTH).post("/connections").then().statusCode(409);
        String rotated = """
                {"name": "crm-api", "kind": "http", "endpoint": "https://crm.example/v2",
                 "auth": {"kind": "oauth2", "tokenUrl": "https://crm.example/oauth/token"},
                 "credentials": {"production": {"clientId": "prod-client", "clientSecret": "rotated"}},
                 "revision": 0}""";
        as(t, "designer").body(rotated).put("/connections/{id}", id).then().statusCode(200).body("revision", equalTo(1))
                .body("credentials.test.clientSecret", equalTo("****"));
        as(t, "designer").body(rotated).put("/connections/{id}", id).then().statusCode(409);
        as(t, "service").get("/internal/connections/{id}?environment=production", id).then()
                .body("auth.clientSecret", equalTo("rotated")).body("endpoint", equalTo("https://crm.example/v2"));
        as(t, "service").get("/internal/connections/{id}?environment=test", id).then().body("auth.clientSecret",
                equalTo("test-secret-4711"));
    }

    @Test
    void smtpConnectionsAndInvalidOnes() {
        String t = tenant();
        String id = as(t, "designer").body("""
                {"name": "mailer", "kind": "smtp", "smtp": {"host": "smtp.example", "port": 587,
                 "from": "noreply@example.com", "startTls": true}, "auth": {"kind": "basic"},
                 "credentials": {"production": {"username": "mailer", "password": "mail-pass-123"}}}""")
                .post("/connections").then().statusCode(201).extract().path("id");
        as(t, "service").get("/internal/connections/{id}", id).then().statusCode(200).body("kind", equalTo("smtp"))
                .body("smtp.host", equalTo("smtp.example")).body("smtp.port", equalTo(587))
                .body("smtp.password", equalTo("mail-pass-123")).body("smtp.startTls", equalTo(true));

        as(t, "designer").body("{\"name\": \"x\", \"kind\": \"ftp\"}").post("/connections").then().statusCode(400)
                .body("errors.field", hasItem("kind"));
        as(t, "designer").body("{\"name\": \"x\", \"kind\": \"http\", \"endpoint\": \"not a url\"}")
                .post("/connections").then().statusCode(400).body("errors.field", hasItem("endpoint"));
        as(t, "designer").body("""
                {"name": "x", "kind": "http", "endpoint": "https://x.example", "auth": {"kind": "bearer"},
                 "credentials": {"production": {"password": "p"}}}""").post("/connections").then().statusCode(400)
                .body("errors.field", hasItem("credentials.production.token"))
                .body("errors.field", hasItem("credentials.production.password"));
        as(t, "designer").body("{\"name\": \"x\", \"kind\": \"http\", \"endpoint\": \"https://x.example\", "
                + "\"password\": \"oops\"}").post("/connections").then().statusCode(400);
        as(t, "designer").get("/connections").then().body("items.name", not(hasItem("x")));
        as(t, "client").get("/connections").then().statusCode(403);
    }
}
