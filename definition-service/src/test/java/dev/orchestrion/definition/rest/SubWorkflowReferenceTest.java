package dev.orchestrion.definition.rest;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.simple;
import static dev.orchestrion.definition.Api.tenant;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A subWorkflow node must name a definition of the tenant (issue 11, section 2): another tenant's, an unknown or a
 * deleted one is an UNKNOWN_DEFINITION incident as soon as the draft is saved, and starting it is refused (422).
 */
@QuarkusTest
class SubWorkflowReferenceTest {

    @Test
    void aSubWorkflowOfAnotherTenantsOrAnUnknownDefinitionIsAnIncident() {
        String mine = tenant();
        String theirs = tenant();
        String theirChild = create(theirs, simple("their child"));
        for (String target : List.of(theirChild, UUID.randomUUID().toString())) {
            String parent = create(mine, parent(target));
            as(mine, "designer").get("/definitions/{id}/incidents", parent).then().statusCode(200)
                    .body("incidents.code", equalTo(List.of("UNKNOWN_DEFINITION")))
                    .body("incidents[0].nodeId", equalTo("child"))
                    .body("incidents[0].property", equalTo("definitionId"));
            as(mine, "operator").post("/definitions/{id}/start", parent).then().statusCode(422)
                    .contentType("application/problem+json").body("incidents.code", hasItem("UNKNOWN_DEFINITION"));
        }
    }

    @Test
    void aSubWorkflowOfTheTenantsOwnDefinitionStarts() {
        String t = tenant();
        String child = create(t, simple("child"));
        String parent = create(t, parent(child));
        as(t, "designer").get("/definitions/{id}/incidents", parent).then().statusCode(200).body("incidents", empty());
        as(t, "operator").post("/definitions/{id}/start", parent).then().statusCode(200);

        String deletedChild = create(t, simple("deleted child"));
        as(t, "designer").delete("/definitions/{id}", deletedChild).then().statusCode(204);
        String orphan = create(t, parent(deletedChild));
        as(t, "designer").get("/definitions/{id}/incidents", orphan).then().statusCode(200).body("incidents.code",
                equalTo(List.of("UNKNOWN_DEFINITION")));
    }

    @Test
    void anImportedParentMayNameADefinitionOfTheSameFile() {
        String t = tenant();
        String file = """
                {"format": "orchestrion.cn", "formatVersion": 1, "definitions": [
                  {"sourceId": "%1$s", "definition": %2$s},
                  {"sourceId": "%3$s", "definition": %4$s}]}""".formatted("6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c",
                parent("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                simple("child"));
        as(t, "designer").body(file).post("/definitions/import").then().statusCode(201)
                .body("items[0].incidents.code", not(hasItem("UNKNOWN_DEFINITION"))).body("unresolved", empty());
    }

    static String parent(String childId) {
        return """
                {"name": "parent", "trigger": {"kind": "api"},
                 "nodes": [
                   {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
                   {"id": "child", "type": "subWorkflow", "name": "Child", "position": {"x": 100, "y": 0},
                    "properties": {"definitionId": "%s"}},
                   {"id": "end", "type": "end", "name": "End", "position": {"x": 200, "y": 0}, "properties": {}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "child"},
                                         {"from": "child", "output": "next", "to": "end"}],
                 "dataConnectors": []}""".formatted(childId);
    }
}
