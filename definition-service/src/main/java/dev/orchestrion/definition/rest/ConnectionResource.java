package dev.orchestrion.definition.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.service.ConnectionService;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/connections")
@Tag(name = "Connections", description = "Endpoints and credentials per environment; credentials are write-only")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    private static final String JSON = MediaType.APPLICATION_JSON;

    public record ConnectionList(List<ConnectionResponse> items) {
    }

    private final ConnectionService connections;
    private final Caller caller;

    public ConnectionResource(ConnectionService connections, Caller caller) {
        this.connections = connections;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR})
    @Operation(summary = "List connections", description = "Credentials show as a mask of the fields that are set.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "list", value = "{\"items\": ["
            + ApiExamples.CONNECTION_RESPONSE + "]}")))
    public Uni<ConnectionList> list() {
        return connections.list(caller.tenant())
                .map(list -> new ConnectionList(list.stream().map(ConnectionResponse::of).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR})
    @Operation(summary = "Get a connection (credentials masked)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "connection", value = ApiExamples.CONNECTION_RESPONSE)))
    public Uni<Response> get(@PathParam("id") @ResourceId String id) {
        return connections.get(caller.tenant(), id).map(c -> Response.ok(ConnectionResponse.of(c))
                .header(HttpHeaders.ETAG, Revisions.etag(c.revision())).build());
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create a connection", description = "kind http (endpoint required) or smtp (smtp.host and smtp.port required); auth kind none, basic, bearer, apiKey (auth.headerName) or oauth2 (auth.tokenUrl, client credentials); credentials per environment (test, production), encrypted at rest. Names are unique per tenant (409). An endpoint, token URL or SMTP host that resolves to an address the outbound guard refuses (loopback, private, link-local, ...) is 400 naming the field.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "bearer", value = ApiExamples.CONNECTION)))
    @APIResponse(responseCode = "201", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "created", value = ApiExamples.CONNECTION_RESPONSE)))
    public Uni<Response> create(@Valid @NotNull ConnectionRequest request) {
        return connections.create(caller.tenant(), caller.subject(), request.toSettings())
                .map(c -> Response.created(URI.create("/connections/" + c.id())).entity(ConnectionResponse.of(c))
                        .header(HttpHeaders.ETAG, Revisions.etag(c.revision())).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Replace a connection", description = "An environment left out of credentials keeps its stored credentials, unless the auth kind changes. If-Match (or revision) guards against lost updates. Targets the outbound guard refuses are 400, as on create.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "rotate", value = ApiExamples.CONNECTION)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "updated", value = ApiExamples.CONNECTION_RESPONSE)))
    public Uni<Response> update(@PathParam("id") @ResourceId String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ConnectionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A connection body is required");
        }
        return connections
                .update(caller.tenant(), caller.subject(), id, request.toSettings(),
                        Revisions.expected(ifMatch, request.revision()))
                .map(c -> Response.ok(ConnectionResponse.of(c)).header(HttpHeaders.ETAG, Revisions.etag(c.revision()))
                        .build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Delete a connection")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") @ResourceId String id) {
        return connections.delete(caller.tenant(), id).map(v -> Response.noContent().build());
    }
}
