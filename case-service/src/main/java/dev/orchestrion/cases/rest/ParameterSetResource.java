package dev.orchestrion.cases.rest;

import java.net.URI;
import java.util.UUID;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.service.IdempotencyKeys;
import dev.orchestrion.cases.service.ParameterSetService;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/parameters")
@Tag(name = "Parameter sets")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CLIENT, Roles.SERVICE})
public class ParameterSetResource {

    private final ParameterSetService sets;
    private final Caller caller;

    public ParameterSetResource(ParameterSetService sets, Caller caller) {
        this.sets = sets;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a parameter set", description = "Values for runs of one workflow definition, checked against its parameter schema "
            + "(the current published version's, or the draft's if it never started) and completed with its defaults. Immutable once created.")
    @APIResponse(responseCode = "201", description = "Set of parameters for given workflow was created successfully")
    @APIResponse(responseCode = "400", description = "Bad request body, or values that break the parameter schema (each listed)")
    @APIResponse(responseCode = "404", description = "No such workflow definition in your tenant")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    @APIResponse(responseCode = "503", description = "definition-service is unavailable; try again shortly")
    public Uni<Response> create(
            @Parameter(description = "Makes retries safe: the same key with the same body answers the first result") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull CreateParameterSetRequest request) {
        String tenant = caller.tenant();
        return sets.create(tenant, request.toNewSet(), idempotencyKey)
                .chain(created -> sets
                        .shownParameters(tenant, created.set(), caller.hasRole(Roles.SERVICE), created.schema())
                        .map(parameters -> {
                            Response.ResponseBuilder response = Response.status(created.status())
                                    .location(URI.create("/parameters/" + created.set().id))
                                    .entity(ParameterSetResponse.of(created.set(), parameters));
                            return (created.replayed()
                                    ? response.header(CaseResource.IDEMPOTENT_REPLAYED, "true")
                                    : response).build();
                        }));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a parameter set", description = "The values of parameters the definition declares redacted "
            + "show as \"***\" to every role but service (runner-service runs with the real values).")
    @APIResponse(responseCode = "200", description = "The parameter set")
    @APIResponse(responseCode = "404", description = "No such parameter set in your tenant")
    @APIResponse(responseCode = "503", description = "definition-service is unavailable, so which values are redacted "
            + "cannot be told; try again shortly")
    public Uni<ParameterSetResponse> get(@PathParam("id") UUID id) {
        String tenant = caller.tenant();
        return sets.get(tenant, id).chain(set -> sets.shownParameters(tenant, set, caller.hasRole(Roles.SERVICE))
                .map(parameters -> ParameterSetResponse.of(set, parameters)));
    }

    @POST
    @Path("/{id}/validation")
    @Operation(summary = "Check a parameter set against a published version", description = "For a run that pins another version of the definition "
            + "than the one the set was validated against.")
    @APIResponse(responseCode = "200", description = "Whether the set meets that version's parameter schema, with every violation")
    @APIResponse(responseCode = "400", description = "Bad request body")
    @APIResponse(responseCode = "404", description = "No such parameter set in your tenant, or no such published version")
    @APIResponse(responseCode = "503", description = "definition-service is unavailable; try again shortly")
    public Uni<ParameterValidationResponse> validate(@PathParam("id") UUID id,
            @Valid @NotNull ParameterValidationRequest request) {
        return sets.validateAgainstVersion(caller.tenant(), id, request.version()).map(ParameterValidationResponse::of);
    }
}
