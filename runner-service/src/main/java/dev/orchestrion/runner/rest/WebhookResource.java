package dev.orchestrion.runner.rest;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.mapping.WebhookMapper;
import dev.orchestrion.runner.service.WebhookService;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/webhooks")
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class WebhookResource {

    private final WebhookService webhooks;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Subscribe a URL to run events")
    public Uni<Response> create(@Valid @NotNull CreateWebhookRequest request) {
        return webhooks.create(caller.tenant(), request).map(
                s -> Response.created(URI.create("/webhooks/" + s.id)).entity(WebhookMapper.toResponse(s)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a webhook subscription")
    public Uni<WebhookResponse> get(@PathParam("id") UUID id) {
        return webhooks.get(caller.tenant(), id).map(WebhookMapper::toResponse);
    }
}
