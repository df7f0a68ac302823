package dev.orchestrion.runner.run.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.testsupport.TestTokens;

/**
 * The runs list as the console asks it: filters together, a search text (ids, id prefixes, error text), several
 * statuses, newest first, and the counts by status for the same filters; each answer checked against the runs
 * started for it, in a tenant of its own.
 */
@QuarkusTest
class RunSearchTest {

    private static final String PROBLEM = "application/problem+json";

    /** start -> choose on params.kind: ok -> end; fail -> fail (message names params.order); else waitForEvent go. */
    private static final String ORDERS = """
            {"name": "Orders", "parameters": [{"name": "kind", "type": "string", "required": true},
               {"name": "order", "type": "string"}],
             "trigger": {"kind": "api"},
             "nodes": [
               {"id": "start", "type": "start", "position": {"x": 0, "y": 0}, "properties": {}},
               {"id": "route", "type": "choose", "position": {"x": 100, "y": 0},
                "properties": {"cases": [{"name": "ok", "condition": "params.kind == 'ok'"},
                                         {"name": "fail", "condition": "params.kind == 'fail'"}]}},
               {"id": "refuse", "type": "fail", "position": {"x": 200, "y": 100},
                "properties": {"message": "Order {{ params.order }} was refused by the warehouse", "code": "REFUSED"}},
               {"id": "wait", "type": "waitForEvent", "position": {"x": 200, "y": 200}, "properties": {"signal": "go"}},
               {"id": "end", "type": "end", "position": {"x": 300, "y": 0}, "properties": {}}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "route"},
               {"from": "route", "output": "ok", "to": "end"}, {"from": "route", "output": "fail", "to": "refuse"},
               {"from": "route", "output": "default", "to": "wait"}, {"from": "wait", "output": "received", "to": "end"}],
             "dataConnectors": []}""";

    private final String tenant = "search-" + UUID.randomUUID().toString().substring(0, 8);
    private final String client = TestTokens.token(tenant, "client");

    @Test
    void filtersSearchTextAndCountsAnswerForTheSameRuns() {
        String orders = PeerServices.activeDefinition(ORDERS);
        String others = PeerServices.activeDefinition(ORDERS);
        UUID ada = PeerServices.existingCase(Map.of());
        UUID bob = PeerServices.existingCase(Map.of());
        String token = UUID.randomUUID().toString().substring(0, 8);

        String completed = run(orders, ada, "ok", "A-1");
        String failed = run(orders, ada, "fail", "X" + token + "-17");
        String failedToo = run(orders, bob, "fail", "X" + token + "-18");
        String waiting = run(orders, bob, "wait", "A-2");
        String elsewhere = run(others, bob, "fail", "B-9");
        Instant afterFirstFive = Instant.now();
        String latest = run(others, ada, "ok", "A-3");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(waiting).equals("WAITING"));
        for (String id : List.of(completed, latest)) {
            assertThat(Runs.awaitEnd(client, id).getString("status")).isEqualTo("COMPLETED");
        }
        for (String id : List.of(failed, failedToo, elsewhere)) {
            assertThat(Runs.awaitEnd(client, id).getString("status")).isEqualTo("FAILED");
        }

        // newest first, every run of the tenant, with what started it
        JsonPath all = list("");
        assertThat(all.getList("items.id")).containsExactly(latest, elsewhere, waiting, failedToo, failed, completed);
        assertThat(all.getLong("total")).isEqualTo(6);
        assertThat(all.getList("items.trigger")).containsOnly("api");

        // the text of an error finds the runs that failed with it, ignoring case; so does the failing node or code
        assertThat(ids("?q=x" + token.toUpperCase())).containsExactly(failedToo, failed);
        assertThat(ids("?q=" + token + "-17")).containsExactly(failed);
        assertThat(ids("?q=refused by the")).containsExactly(elsewhere, failedToo, failed);
        assertThat(ids("?q=refuse&definitionId=" + orders)).containsExactly(failedToo, failed);
        assertThat(ids("?q=REFUSED&caseId=" + ada)).containsExactly(failed);
        // a LIKE wildcard is a character like any other
        assertThat(ids("?q=%%%")).isEmpty();
        assertThat(ids("?q=___")).isEmpty();

        // an id finds its run, its case's runs or its definition's runs; so does the start of one
        assertThat(ids("?q=" + waiting)).containsExactly(waiting);
        assertThat(ids("?q=" + waiting.substring(0, 23).toUpperCase())).contains(waiting);
        assertThat(ids("?q=" + ada)).containsExactly(latest, failed, completed);
        assertThat(ids("?q=" + others.substring(0, 13))).containsExactly(latest, elsewhere);
        assertThat(ids("?q=" + UUID.randomUUID())).isEmpty();

        // statuses, several at once, with the other filters
        assertThat(ids("?status=failed")).containsExactly(elsewhere, failedToo, failed);
        assertThat(ids("?status=WAITING,COMPLETED&definitionId=" + orders)).containsExactly(waiting, completed);
        assertThat(ids("?status=FAILED&caseId=" + bob + "&definitionId=" + orders)).containsExactly(failedToo);
        assertThat(ids("?from=" + afterFirstFive)).containsExactly(latest);
        assertThat(ids("?to=" + afterFirstFive + "&status=COMPLETED")).containsExactly(completed);

        // pages: the total is every match, whichever page is asked for
        JsonPath second = list("?size=4&page=1");
        assertThat(second.getList("items.id")).containsExactly(failed, completed);
        assertThat(second.getLong("total")).isEqualTo(6);
        JsonPath beyond = list("?size=4&page=5");
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getLong("total")).isEqualTo(6);
        assertThat(list("?size=2&q=refused").getLong("total")).isEqualTo(3);

        // counts by status, for the same filters, every status listed
        JsonPath counts = counts("");
        assertThat(counts.getLong("total")).isEqualTo(6);
        assertThat(counts.getMap("byStatus")).containsExactly(Map.entry("PENDING", 0), Map.entry("RUNNING", 0),
                Map.entry("WAITING", 1), Map.entry("COMPLETED", 2), Map.entry("FAILED", 3), Map.entry("CANCELLED", 0));
        JsonPath ofOrders = counts("?definitionId=" + orders + "&q=refused");
        assertThat(ofOrders.getLong("total")).isEqualTo(2);
        assertThat(ofOrders.getInt("byStatus.FAILED")).isEqualTo(2);
        assertThat(counts("?caseId=" + bob + "&status=FAILED,WAITING").getMap("byStatus")).containsEntry("FAILED", 2)
                .containsEntry("WAITING", 1).containsEntry("COMPLETED", 0);

        // another tenant finds none of them, by any filter
        String stranger = TestTokens.token("other-" + tenant, "client");
        given().auth().oauth2(stranger).when().get("/workflows?q={q}", failed).then().statusCode(200).body("total",
                equalTo(0));
        given().auth().oauth2(stranger).when().get("/workflows/counts?q=refused").then().statusCode(200).body("total",
                equalTo(0));
    }

    @Test
    void aVersionFilterListsTheRunsThatPinIt() {
        String definitionId = PeerServices.activeDefinition(ORDERS);
        UUID caseId = PeerServices.existingCase(Map.of());
        String first = run(definitionId, caseId, "ok", "V-1");
        // version 2 is published: runs requested once the runner heard of it pin it
        PeerServices.publish(definitionId, ORDERS, "ACTIVE", 2, Map.of());
        PeerEvents.definitionEvent(tenant, definitionId, "published", "ACTIVE", 2, 2);
        UUID secondSet = PeerServices.parameterSet(definitionId, 2, Map.of("kind", "ok", "order", "V-2"));
        PeerServices.parameterValidation(secondSet, true, null, null);
        String second = await().atMost(Duration.ofSeconds(30))
                .until(() -> Runs.start(client, definitionId, caseId, secondSet), id -> given().auth().oauth2(client)
                        .when().get("/workflows/{id}", id).then().extract().<Integer>path("version") == 2);

        List<String> pinningOne = ids("?definitionId=" + definitionId + "&version=1");
        assertThat(pinningOne).contains(first).doesNotContain(second);
        assertThat(list("?definitionId=" + definitionId + "&version=1").getList("items.version")).containsOnly(1);
        assertThat(ids("?definitionId=" + definitionId + "&version=2")).containsExactly(second);
        assertThat(counts("?definitionId=" + definitionId + "&version=2").getLong("total")).isEqualTo(1);
        given().auth().oauth2(client).when().get("/workflows?version=2").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("version"));
        given().auth().oauth2(client).when().get("/workflows?definitionId={d}&version=0", definitionId).then()
                .statusCode(400).body("errors.field", hasItem("version"));
    }

    @Test
    void malformedFiltersAreNamedTogether() {
        given().auth().oauth2(client).when().get("/workflows?q=ab&status=SLEEPING&caseId=12&from=yesterday").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("q", "status", "caseId", "from"));
        given().auth().oauth2(client).when().get("/workflows/counts?q={q}&to=soon", "x".repeat(201)).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("q", "to"));
        given().auth().oauth2(client).when().get("/workflows/counts?status=FAILED,,").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("status"));
        given().auth().oauth2(client).when().get("/workflows?page=-1").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(client).when().get("/workflows?page=x&size=99999999999").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", containsInAnyOrder("page", "size"));
        given().auth().oauth2(client).when().get("/workflows?from=2026-12-06T10:00:00Z&to=2026-12-06T09:00:00Z").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("to"));
        given().auth().oauth2(client).when().get("/workflows?q=  abc ").then().statusCode(200);
        given().auth().oauth2(TestTokens.token(tenant, "content-editor")).when().get("/workflows/counts").then()
                .statusCode(403);
        given().when().get("/workflows/counts").then().statusCode(401);
    }

    private String run(String definitionId, UUID caseId, String kind, String order) {
        return Runs.start(client, definitionId, caseId,
                PeerServices.parameterSet(definitionId, 1, Map.of("kind", kind, "order", order)));
    }

    private String status(String runId) {
        return given().auth().oauth2(client).when().get("/workflows/{id}", runId).then().statusCode(200).extract()
                .path("status");
    }

    private JsonPath list(String query) {
        return given().auth().oauth2(client).when().get("/workflows" + query).then().statusCode(200).extract()
                .jsonPath();
    }

    private List<String> ids(String query) {
        return new ArrayList<>(list(query).getList("items.id"));
    }

    private JsonPath counts(String query) {
        return given().auth().oauth2(client).when().get("/workflows/counts" + query).then().statusCode(200).extract()
                .jsonPath();
    }
}
