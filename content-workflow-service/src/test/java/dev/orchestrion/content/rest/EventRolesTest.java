package dev.orchestrion.content.rest;

import static dev.orchestrion.content.support.ContentApi.as;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.get;
import static dev.orchestrion.content.support.ContentApi.invoke;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.content.support.ContentApi;

/**
 * Who may invoke a custom workflow's events (issue 11, section 7): an event that names no roles is denied to every
 * content role (admin and service runs only), so an editor cannot approve and publish through a definition that
 * forgot its roles; an event's roles let exactly those roles invoke it.
 */
@QuarkusTest
class EventRolesTest {

    @Test
    void anEventWithoutRolesIsDeniedToContentRolesByDefault() {
        String tenant = ContentApi.unique("roles");
        String flow = ContentApi.unique("flow");
        as(tenant, "designer").body("""
                {"id": "%s", "states": [
                  {"id": "draft", "events": [
                    {"id": "publishNow", "transitionTo": "sysWorkflow"},
                    {"id": "submit", "transitionTo": "review", "roles": ["content-editor"]}]},
                  {"id": "review", "events": [
                    {"id": "approve", "transitionTo": "sysWorkflow", "roles": ["content-approver"]}]}]}"""
                .formatted(flow)).when().post("/api/v1/workflow-definitions").then().statusCode(201);
        String type = ContentApi.contentType(tenant, flow);
        String id = entry(tenant, type, "Draft");

        invoke(tenant, "content-editor", type, id, "draft.publishNow", null).statusCode(403)
                .contentType("application/problem+json");
        invoke(tenant, "content-approver", type, id, "draft.publishNow", null).statusCode(403);
        get(tenant, type, id).statusCode(200).body("internal.workflowState", equalTo("draft"));

        invoke(tenant, "content-editor", type, id, "draft.submit", null).statusCode(200).body("internal.workflowState",
                equalTo("review"));
        invoke(tenant, "content-editor", type, id, "review.approve", null).statusCode(403);
        invoke(tenant, "content-approver", type, id, "review.approve", null).statusCode(200)
                .body("internal.workflowState", equalTo("published"));

        String other = entry(tenant, type, "Urgent");
        invoke(tenant, "admin", type, other, "draft.publishNow", null).statusCode(200).body("internal.workflowState",
                equalTo("published"));
    }
}
