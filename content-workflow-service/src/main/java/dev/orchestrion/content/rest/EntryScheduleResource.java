package dev.orchestrion.content.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.service.ScheduleService;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

/** Publish and unpublish dates of an entry. */
@Path("/api/v1/content/{type}/{id}/schedules")
@Tag(name = "Entry schedules")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EntryScheduleResource {

    private final ScheduleService schedules;
    private final Caller caller;

    public EntryScheduleResource(ScheduleService schedules, Caller caller) {
        this.schedules = schedules;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "The entry's schedules and what became of them (pending, done, missed, cancelled)")
    @APIResponse(responseCode = "200", description = "The schedules")
    @APIResponse(responseCode = "404", description = "No such entry")
    public Uni<SchedulesResponse> get(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id,
            @Parameter(in = ParameterIn.HEADER, name = EntryResource.VISIBILITY) @HeaderParam(EntryResource.VISIBILITY) String visibility) {
        return schedules.get(caller.tenant(), type, id, Params.publicOnly(visibility)).map(SchedulesResponse::of);
    }

    @PUT
    @Path("/{kind: publish|unpublish}")
    @RolesAllowed({Roles.ADMIN, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Set the publish or unpublish date. A sysWorkflow transition with a pending publish date"
            + " leaves the entry scheduled until then; a date that passes before the entry got there is flagged"
            + " missed")
    @APIResponse(responseCode = "200", description = "The schedules")
    @APIResponse(responseCode = "400", description = "Missing, malformed or past dateTime, or unpublish before publish")
    @APIResponse(responseCode = "404", description = "No such entry")
    @APIResponse(responseCode = "409", description = "The entry's workflow cannot publish on a schedule")
    public Uni<SchedulesResponse> set(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id, @PathParam("kind") String kind,
            @Valid @NotNull ScheduleRequest request,
            @Parameter(in = ParameterIn.HEADER, name = EntryResource.VISIBILITY) @HeaderParam(EntryResource.VISIBILITY) String visibility) {
        Params.writable(visibility);
        return schedules.set(caller.tenant(), type, id, "publish".equals(kind), request.dateTime().toInstant())
                .map(SchedulesResponse::of);
    }

    @DELETE
    @Path("/{kind: publish|unpublish}")
    @RolesAllowed({Roles.ADMIN, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Remove the publish or unpublish date; removing the publish date of a scheduled entry"
            + " cancels its publication (back to the first state)")
    @APIResponse(responseCode = "204", description = "Removed (also when none was set)")
    @APIResponse(responseCode = "404", description = "No such entry")
    public Uni<Void> remove(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id, @PathParam("kind") String kind,
            @Parameter(in = ParameterIn.HEADER, name = EntryResource.VISIBILITY) @HeaderParam(EntryResource.VISIBILITY) String visibility) {
        Params.writable(visibility);
        return schedules.remove(caller.tenant(), type, id, "publish".equals(kind), caller.subject());
    }
}
