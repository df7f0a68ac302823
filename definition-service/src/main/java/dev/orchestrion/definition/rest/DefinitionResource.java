package dev.orchestrion.definition.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.mapping.DefinitionMapper;
import dev.orchestrion.definition.service.DefinitionService;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/definitions")
@Tag(name = "Definitions")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DefinitionResource {

    private final DefinitionService definitions;
    private final Caller caller;

    public DefinitionResource(DefinitionService definitions, Caller caller) {
        this.definitions = definitions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create a workflow definition (as a draft)")
    public Uni<Response> create(@Valid @NotNull CreateDefinitionRequest request) {
        return definitions.create(caller.tenant(), request).map(d -> Response
                .created(URI.create("/definitions/" + d.id())).entity(DefinitionMapper.toResponse(d)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR, Roles.CLIENT, Roles.SERVICE})
    @Operation(summary = "Get a workflow definition")
    public Uni<DefinitionResponse> get(@PathParam("id") String id) {
        return definitions.get(caller.tenant(), id).map(DefinitionMapper::toResponse);
    }
}
