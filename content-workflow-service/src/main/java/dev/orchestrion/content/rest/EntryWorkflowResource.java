package dev.orchestrion.content.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.mapping.EntryRenderer;
import dev.orchestrion.content.service.EntryService;
import dev.orchestrion.content.service.EntryWorkflowService;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

/** Seed 003's style of moving entries: invoke {@code state.event}; list invokable events; the audit history. */
@Path("/api/v1/content/{type}/{id}/workflow")
@Tag(name = "Entry workflow (events)")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EntryWorkflowResource {

    private final EntryWorkflowService workflow;
    private final EntryService entries;
    private final Caller caller;

    public EntryWorkflowResource(EntryWorkflowService workflow, EntryService entries, Caller caller) {
        this.workflow = workflow;
        this.entries = entries;
        this.caller = caller;
    }

    @POST
    @Path("/events")
    @RolesAllowed({Roles.ADMIN, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Invoke a workflow event on the entry, e.g. {\"event\": \"draft.submit\", \"data\":"
            + " {\"message\": \"...\"}}. Role service (workflow runs) and admin may invoke every event; others need"
            + " a role the event allows (permission workflowId.state.event)")
    @APIResponse(responseCode = "200", description = "The entry after the transition")
    @APIResponse(responseCode = "400", description = "Malformed body, or an event the workflow does not have")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller's roles may not invoke this event")
    @APIResponse(responseCode = "404", description = "No such entry")
    @APIResponse(responseCode = "409", description = "The event is not valid in the entry's current state, or the"
            + " entry changed concurrently")
    @APIResponse(responseCode = "422", description = "A parameter fails its validation, invokableWhen does not hold,"
            + " or the event validates the entry and the entry fails its type's validation")
    public Uni<RestResponse<ObjectNode>> invoke(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id,
            @Valid @NotNull EventInvocationRequest request,
            @Parameter(in = ParameterIn.HEADER, name = EntryResource.VISIBILITY) @HeaderParam(EntryResource.VISIBILITY) String visibility) {
        Params.writable(visibility);
        return workflow
                .invokeEvent(caller.tenant(), type, id, request.event(), request.data(), caller.roles(),
                        caller.subject())
                .map(loaded -> RestResponse.ResponseBuilder
                        .ok(EntryRenderer.render(loaded.entry(), loaded.machine(), caller.roles(), Instant.now()))
                        .header("ETag", EntryResource.etag(loaded.entry().revision())).build());
    }

    @GET
    @Path("/events")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "The events the caller may invoke on the entry now")
    @APIResponse(responseCode = "200", description = "Invokable events")
    @APIResponse(responseCode = "404", description = "No such entry")
    public Uni<List<AvailableEventResponse>> events(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id,
            @Parameter(in = ParameterIn.HEADER, name = EntryResource.VISIBILITY) @HeaderParam(EntryResource.VISIBILITY) String visibility) {
        return workflow.options(caller.tenant(), type, id, caller.roles(), Params.publicOnly(visibility))
                .map(options -> options.events().stream()
                        .map(ref -> AvailableEventResponse.of(options.loaded().machine(), ref, options.context()))
                        .toList());
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "The entry's audit history, oldest first, paged: when, who, from, event, to, message")
    @APIResponse(responseCode = "200", description = "A page of audit records")
    @APIResponse(responseCode = "404", description = "No such entry")
    public Uni<PageResponse<HistoryRecordResponse>> history(
            @PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id, @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @Parameter(in = ParameterIn.HEADER, name = EntryResource.VISIBILITY) @HeaderParam(EntryResource.VISIBILITY) String visibility) {
        int pageNumber = Params.integer("page", page, 1);
        int pageSize = Params.integer("limit", limit, 50);
        return entries.history(caller.tenant(), type, id, pageNumber, pageSize, Params.publicOnly(visibility))
                .map(found -> PageResponse.of(found.items().stream().map(HistoryRecordResponse::of).toList(),
                        found.total(), pageNumber, pageSize));
    }
}
