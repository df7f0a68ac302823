package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.tenant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A connection whose endpoint, OAuth2 token URL or SMTP host the outbound guard would refuse is refused when saved
 * (400 naming the field) by the same rule runner-service applies when it calls; nothing is stored or changed. An http
 * node whose literal url the guard refuses is an incident. Hosts are made-up names the test resolver answers
 * (MadeUpHosts): nothing is looked up or connected to.
 */
@QuarkusTest
class OutboundTargetTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anEndpointThatResolvesToARefusedAddressIsRefused() {
        String t = tenant();
        Map<String, String> refused = Map.of("http://internal.test/api", "internal.test (10.0.0.5)",
                "https://metadata.test/latest/meta-data", "link-local", "http://nat64.test/", "NAT64",
                "http://sixtofour.test/", "6to4", "http://compat.test/", "IPv4-compatible", "http://teredo.test/",
                "Teredo", "http://[64:ff9b::a9fe:a9fe]/", "embedding 169.254.169.254", "http://[::ffff:192.168.1.1]/",
                "private", "http://100.64.0.1/", "carrier-grade NAT", "http://[fd00::1]:8080/", "unique-local");
        refused.forEach((endpoint, why) -> as(t, "designer").body(http("crm", endpoint, "none", null))
                .post("/connections").then().statusCode(400).contentType(PROBLEM).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("endpoint")).body("errors[0].message", containsString("are refused"))
                .body("errors[0].message", containsString(why)));
        as(t, "designer").get("/connections").then().statusCode(200).body("items", hasSize(0));

        // A host that does not resolve yet is accepted (runner-service checks every call again); loopback follows
        // its switch, which the test profile turns on as the local stack does.
        as(t, "designer").body(http("later", "https://not-yet-registered.example/api", "none", null))
                .post("/connections").then().statusCode(201);
        as(t, "designer").body(http("local", "http://localhost:8080/api", "none", null)).post("/connections").then()
                .statusCode(201);
    }

    @Test
    void anOAuth2TokenUrlAndAnSmtpHostAreCheckedToo() {
        String t = tenant();
        as(t, "designer").body(http("crm", "https://crm.example/api", "oauth2", "http://metadata.test/oauth/token"))
                .post("/connections").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("auth.tokenUrl"))
                .body("errors[0].message", containsString("169.254.169.254"));
        as(t, "designer").body(http("crm", "http://internal.test/api", "oauth2", "http://nat64.test/token"))
                .post("/connections").then().statusCode(400).body("errors", hasSize(2))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("endpoint", "auth.tokenUrl"));
        as(t, "designer").body(smtp("mailer", "nat64.test")).post("/connections").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("smtp.host"))
                .body("errors[0].message", containsString("embedding 10.0.0.1"));
        as(t, "designer").body(smtp("mailer", "169.254.169.254")).post("/connections").then().statusCode(400)
                .body("errors[0].field", equalTo("smtp.host"));
        as(t, "designer").get("/connections").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aReplacementWithARefusedTargetChangesNothing() {
        String t = tenant();
        String id = as(t, "designer")
                .body(http("crm", "https://crm.example/api", "oauth2", "https://crm.example/token"))
                .post("/connections").then().statusCode(201).extract().path("id");
        as(t, "designer").body(http("crm", "http://internal.test/api", "oauth2", "https://crm.example/token"))
                .put("/connections/{id}", id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("endpoint"));
        as(t, "designer").body(http("crm", "https://crm.example/api", "oauth2", "http://[::ffff:a9fe:a9fe]/token"))
                .put("/connections/{id}", id).then().statusCode(400).body("errors[0].field", equalTo("auth.tokenUrl"));
        as(t, "designer").get("/connections/{id}", id).then().statusCode(200).body("revision", equalTo(0))
                .body("endpoint", equalTo("https://crm.example/api"))
                .body("auth.tokenUrl", equalTo("https://crm.example/token"));
    }

    @Test
    void anHttpNodeWhoseLiteralUrlTheGuardRefusesIsAnIncidentAndCannotStart() {
        String t = tenant();
        String id = create(t, callingDefinition("http://metadata.test/latest/meta-data",
                "https://api.example/{{ params.path }}", "http://[64:ff9b::a00:1]:8080/x?y={{ params.path }}"));
        as(t, "designer").get("/definitions/{id}/incidents", id).then().statusCode(200)
                .body("incidents.findAll { it.code == 'REFUSED_TARGET' }.nodeId",
                        org.hamcrest.Matchers.containsInAnyOrder("call1", "call3"))
                .body("incidents.find { it.nodeId == 'call1' }.property", equalTo("url"))
                .body("incidents.find { it.nodeId == 'call1' }.message", containsString("169.254.169.254"))
                .body("incidents.find { it.nodeId == 'call3' }.message", containsString("NAT64"));
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(422).contentType(PROBLEM)
                .body("incidents.code", hasItem("REFUSED_TARGET"));
        as(t, "designer").get("/definitions/{id}", id).then().body("status", equalTo("DRAFT"));

        // a placeholder in the host, or a name that does not resolve yet, is left to the runner's check at call time
        String fine = create(t, callingDefinition("https://{{ params.path }}/x", "https://api.example/orders",
                "http://localhost:8080/x"));
        as(t, "operator").post("/definitions/{id}/start", fine).then().statusCode(200);
    }

    private static String callingDefinition(String url1, String url2, String url3) {
        return """
                {"name": "Calls", "parameters": [{"name": "path", "type": "string"}], "nodes": [
                  {"id": "start", "type": "start", "properties": {}},
                  {"id": "call1", "type": "http", "properties": {"url": "%s"}},
                  {"id": "call2", "type": "http", "properties": {"url": "%s"}},
                  {"id": "call3", "type": "http", "properties": {"url": "%s"}},
                  {"id": "end", "type": "end", "properties": {}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "call1"},
                   {"from": "call1", "output": "next", "to": "call2"}, {"from": "call2", "output": "next", "to": "call3"},
                   {"from": "call3", "output": "next", "to": "end"}]}"""
                .formatted(url1, url2, url3);
    }

    private static String http(String name, String endpoint, String authKind, String tokenUrl) {
        String auth = tokenUrl == null
                ? "{\"kind\": \"" + authKind + "\"}"
                : "{\"kind\": \"" + authKind + "\", \"tokenUrl\": \"" + tokenUrl + "\"}";
        return """
                {"name": "%s", "kind": "http", "endpoint": "%s", "auth": %s}""".formatted(name, endpoint, auth);
    }

    private static String smtp(String name, String host) {
        return """
                {"name": "%s", "kind": "smtp", "smtp": {"host": "%s", "port": 25, "from": "wf@orchestrion.dev"}}"""
                .formatted(name, host);
    }
}
