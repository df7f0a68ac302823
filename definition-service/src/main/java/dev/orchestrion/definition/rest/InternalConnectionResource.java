package dev.orchestrion.definition.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.service.ConnectionService;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/internal/connections")
@Tag(name = "Internal", description = "For other Orchestrion services only (role service)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InternalConnectionResource {

    private final ConnectionService connections;
    private final Caller caller;

    public InternalConnectionResource(ConnectionService connections, Caller caller) {
        this.connections = connections;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "A connection with decrypted credentials (role service only)", description = "For runner-service's http and sendEmail nodes: the credentials of one environment (production unless asked otherwise) in clear. Every other role gets 403; another tenant's connection is 404.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "decrypted", value = ApiExamples.INTERNAL_CONNECTION)))
    @APIResponse(responseCode = "403", description = "Not a service token")
    public Uni<InternalConnectionResponse> get(@PathParam("id") @ResourceId String id,
            @QueryParam("environment") @Parameter(description = "test or production (default)") String environment) {
        return connections.decrypted(caller.tenant(), id, environment).map(InternalConnectionResponse::of);
    }
}
