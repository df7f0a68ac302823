package dev.orchestrion.runner.hook.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import dev.orchestrion.runner.hook.model.ApiKey;
import dev.orchestrion.runner.hook.service.ApiKeyService;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/api-keys")
@Tag(name = "HTTP bindings", description = "Workflows started by HTTP calls to /hooks/{tenant}/{path}, authenticated by API keys")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final Caller caller;

    public ApiKeyResource(ApiKeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Issue an API key", description = "The key is shown only in this answer and stored hashed. It is valid for this tenant's hooks and starts only the listed workflows.")
    @APIResponse(responseCode = "201", description = "Issued; the answer carries the key")
    @APIResponse(responseCode = "400", description = "Bad body")
    @APIResponse(responseCode = "422", description = "A definition id names no definition of your tenant (errors name each)")
    @APIResponse(responseCode = "503", description = "definition-service could not be asked whether the definitions exist")
    public Uni<Response> issue(@Valid @NotNull CreateApiKeyRequest request) {
        return keys.issue(caller.tenant(), caller.subject(), request.name(), request.definitionIds())
                .map(issued -> Response.created(URI.create("/api-keys/" + issued.apiKey().id()))
                        .entity(view(issued.apiKey(), issued.key())).build());
    }

    @GET
    @Operation(summary = "List the tenant's API keys", description = "Newest first, revoked ones included; never the keys themselves.")
    public Uni<List<ApiKeyView>> list() {
        return keys.list(caller.tenant()).map(found -> found.stream().map(k -> view(k, null)).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key", description = "Calls with it are refused (401) from now on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key in your tenant")
    public Uni<Response> revoke(@PathParam("id") UUID id) {
        return keys.revoke(caller.tenant(), id).map(ignored -> Response.noContent().build());
    }

    private static ApiKeyView view(ApiKey key, String secret) {
        return new ApiKeyView(key.id(), key.name(), secret, key.prefix(), key.definitionIds(), key.createdAt(),
                key.createdBy(), key.revokedAt());
    }
}
