package dev.orchestrion.content.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.content.service.WorkflowDefinitionService;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/api/v1/workflow-definitions")
@Tag(name = "Workflow definitions", description = "Content workflow definitions in seed 003's format")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowDefinitionResource {

    private final WorkflowDefinitionService definitions;
    private final Caller caller;

    public WorkflowDefinitionResource(WorkflowDefinitionService definitions, Caller caller) {
        this.definitions = definitions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create a workflow definition; presentation fields are kept as sent, isSystem and version"
            + " are set by the server", description = "An event's roles say which roles may invoke it; an event"
                    + " without roles is denied by default: only admin (and workflow runs, role service) may invoke"
                    + " it. List e.g. [\"content-editor\"] or [\"content-approver\"] to open it to content roles.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid definition: every problem listed")
    @APIResponse(responseCode = "403", description = "The id is a built-in's (or its alias)")
    @APIResponse(responseCode = "409", description = "A definition with that id exists")
    public Uni<RestResponse<WorkflowDefinition>> create(@NotNull WorkflowDefinition definition) {
        return definitions.create(caller.tenant(), definition, caller.subject())
                .map(d -> RestResponse.status(RestResponse.Status.CREATED, d));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "List the built-in definitions and the tenant's own")
    @APIResponse(responseCode = "200", description = "Every definition")
    public Uni<PageResponse<WorkflowDefinition>> list() {
        return definitions.list(caller.tenant())
                .map(all -> PageResponse.of(all, all.size(), 1, Math.max(1, all.size())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Get a definition (built-ins also by alias, e.g. contensisEntryApproval)")
    @APIResponse(responseCode = "200", description = "The definition")
    @APIResponse(responseCode = "404", description = "No such definition")
    public Uni<WorkflowDefinition> get(@PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id) {
        return definitions.get(caller.tenant(), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Replace a definition")
    @APIResponse(responseCode = "200", description = "The stored definition")
    @APIResponse(responseCode = "400", description = "Invalid definition: every problem listed")
    @APIResponse(responseCode = "403", description = "Built-in definitions are read-only")
    @APIResponse(responseCode = "404", description = "No such definition")
    @APIResponse(responseCode = "409", description = "Entries are in states the change removes, or it changed"
            + " meanwhile")
    public Uni<WorkflowDefinition> update(@PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id,
            @NotNull WorkflowDefinition definition) {
        return definitions.update(caller.tenant(), id, definition, caller.subject());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Delete a definition no content type follows")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Built-in definitions are read-only")
    @APIResponse(responseCode = "404", description = "No such definition")
    @APIResponse(responseCode = "409", description = "A content type follows it")
    public Uni<Void> delete(@PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id) {
        return definitions.delete(caller.tenant(), id);
    }
}
