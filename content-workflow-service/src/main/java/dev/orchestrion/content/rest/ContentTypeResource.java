package dev.orchestrion.content.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.mapping.ContentTypeMapper;
import dev.orchestrion.content.service.ContentTypeService;
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

    @PUT
    @Path("/{name}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create or update a content type definition")
    public Uni<ContentTypeResponse> put(@PathParam("name") @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_-]{0,99}") String name,
            @Valid @NotNull ContentTypeRequest request) {
        return types.put(caller.tenant(), name, request).map(ContentTypeMapper::toResponse);
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Get a content type definition")
    public Uni<ContentTypeResponse> get(@PathParam("name") String name) {
        return types.get(caller.tenant(), name).map(ContentTypeMapper::toResponse);
    }
}
