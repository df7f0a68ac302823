package dev.orchestrion.content.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.service.ContentTypeService;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/api/v1/internal/contenttype")
@Tag(name = "Content types")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ContentTypeResource {

    private final ContentTypeService types;
    private final Caller caller;

    public ContentTypeResource(ContentTypeService types, Caller caller) {
        this.types = types;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create a content type definition (name in the body)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid definition: every problem listed")
    @APIResponse(responseCode = "409", description = "A type of that name exists")
    public Uni<RestResponse<ContentTypeResponse>> create(@Valid @NotNull ContentTypeRequest request) {
        return types.create(caller.tenant(), request.toSettings()).map(ContentTypeResponse::of)
                .map(t -> RestResponse.status(RestResponse.Status.CREATED, t));
    }

    @PUT
    @Path("/{name}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create or update a content type definition; a new workflowId moves its entries to the new"
            + " workflow (their state where it exists there, else the new workflow's first state)")
    @APIResponse(responseCode = "200", description = "The stored definition")
    @APIResponse(responseCode = "400", description = "Invalid definition or unknown workflow: every problem listed")
    @APIResponse(responseCode = "409", description = "Changed by someone else meanwhile")
    public Uni<ContentTypeResponse> put(@PathParam("name") @ResourceId(ResourceId.Kind.NAME) String name,
            @Valid @NotNull ContentTypeRequest request) {
        return types.put(caller.tenant(), name, request.toSettings(), caller.subject()).map(ContentTypeResponse::of);
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Get a content type definition")
    @APIResponse(responseCode = "200", description = "The definition")
    @APIResponse(responseCode = "404", description = "No such type in the caller's tenant")
    public Uni<ContentTypeResponse> get(@PathParam("name") @ResourceId(ResourceId.Kind.NAME) String name) {
        return types.get(caller.tenant(), name).map(ContentTypeResponse::of);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "List content type definitions by name, paged")
    @APIResponse(responseCode = "200", description = "A page of definitions")
    public Uni<PageResponse<ContentTypeResponse>> list(@QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        int pageNumber = Params.integer("page", page, 1);
        int pageSize = Params.integer("limit", limit, 20);
        if (pageNumber < 1 || pageSize < 1 || pageSize > 1000) {
            throw ProblemException.validation("page", "page must be 1 or more and limit between 1 and 1000");
        }
        String tenant = caller.tenant();
        return types.list(tenant, (pageNumber - 1) * pageSize, pageSize)
                .chain(items -> types.count(tenant).map(total -> PageResponse
                        .of(items.stream().map(ContentTypeResponse::of).toList(), total, pageNumber, pageSize)));
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Delete a content type definition that has no entries")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such type")
    @APIResponse(responseCode = "409", description = "The type still has entries")
    public Uni<Void> delete(@PathParam("name") @ResourceId(ResourceId.Kind.NAME) String name) {
        return types.delete(caller.tenant(), name);
    }
}
