package dev.orchestrion.content.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.mapping.EntryRenderer;
import dev.orchestrion.content.service.EntryWorkflowService;
import dev.orchestrion.content.service.WorkflowDefinitionService;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

/** Seed 004's style of moving entries: transitions named {@code _from_to}. */
@Path("/api/v1/workflow")
@Tag(name = "Entry workflow (transitions)")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    private final EntryWorkflowService workflow;
    private final WorkflowDefinitionService definitions;
    private final Caller caller;

    public WorkflowResource(EntryWorkflowService workflow, WorkflowDefinitionService definitions, Caller caller) {
        this.workflow = workflow;
        this.definitions = definitions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "The workflows content types may follow, with their states and transitions")
    @APIResponse(responseCode = "200", description = "Built-in and the tenant's workflows")
    public Uni<PageResponse<WorkflowSummaryResponse>> list() {
        return definitions.list(caller.tenant()).map(all -> {
            var summaries = all.stream().map(d -> WorkflowSummaryResponse.of(new WorkflowMachine(d))).toList();
            return PageResponse.of(summaries, summaries.size(), 1, Math.max(1, summaries.size()));
        });
    }

    @GET
    @Path("/{type}/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "The entry's state and the transitions the caller may invoke now")
    @APIResponse(responseCode = "200", description = "{state, enabled_transitions: [{name, froms, tos}]}")
    @APIResponse(responseCode = "404", description = "No such entry")
    public Uni<WorkflowStateResponse> state(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id) {
        return workflow.options(caller.tenant(), type, id, caller.roles(), false)
                .map(options -> new WorkflowStateResponse(options.context().state(), options.transitions()));
    }

    @PUT
    @Path("/{type}/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Invoke a transition by name, e.g. {\"action\": \"_draft_review\"}; where two events share a"
            + " name, the one whose invokableWhen holds is meant")
    @APIResponse(responseCode = "200", description = "The entry after the transition")
    @APIResponse(responseCode = "400", description = "Malformed body, or a transition the workflow does not have")
    @APIResponse(responseCode = "403", description = "The caller's roles may not invoke it")
    @APIResponse(responseCode = "404", description = "No such entry")
    @APIResponse(responseCode = "409", description = "Not valid in the entry's current state, or a concurrent change")
    @APIResponse(responseCode = "422", description = "Conditions, parameters or the entry's validation fail")
    public Uni<RestResponse<ObjectNode>> transition(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id, @Valid @NotNull TransitionRequest request) {
        return workflow
                .invokeAction(caller.tenant(), type, id, request.action(), request.data(), caller.roles(),
                        caller.subject())
                .map(loaded -> RestResponse.ResponseBuilder
                        .ok(EntryRenderer.render(loaded.entry(), loaded.machine(), caller.roles(), Instant.now()))
                        .header("ETag", EntryResource.etag(loaded.entry().revision())).build());
    }
}
