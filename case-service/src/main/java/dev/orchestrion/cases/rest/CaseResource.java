package dev.orchestrion.cases.rest;

import java.net.URI;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.mapping.CaseMapper;
import dev.orchestrion.cases.service.CaseService;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/cases")
@Tag(name = "Cases")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CLIENT, Roles.SERVICE})
public class CaseResource {

    private final CaseService cases;
    private final Caller caller;

    public CaseResource(CaseService cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a case", description = "Creates the case of a person or company that will go through workflows.")
    @APIResponse(responseCode = "201", description = "Case was created successfully")
    @APIResponse(responseCode = "400", description = "Bad request body")
    public Uni<Response> create(@Valid @NotNull CreateCaseRequest request) {
        return cases.create(caller.tenant(), request).map(entity -> Response.created(URI.create("/cases/" + entity.id))
                .entity(CaseMapper.toResponse(entity)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a case")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "No such case in your tenant")
    public Uni<CaseResponse> get(@PathParam("id") UUID id) {
        return cases.get(caller.tenant(), id).map(CaseMapper::toResponse);
    }
}
