package dev.orchestrion.runner.webhook.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.webhook.model.DeliveryStatus;
import dev.orchestrion.runner.webhook.service.WebhookService;
import dev.orchestrion.support.edge.JsonBodyScan;
import dev.orchestrion.support.edge.OptionalBody;
import dev.orchestrion.support.ids.Ids;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/webhooks")
@Tag(name = "Webhooks", description = "Signed deliveries of run events (Standard Webhooks), with retries, a delivery log and redelivery")
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
    @Operation(summary = "Subscribe a URL to run events", description = "Deliveries are POSTed with the headers webhook-id (stable across retries), webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body> with the secret). The body is {id, type, timestamp, data}, data being the run event. The secret is shown only in this answer.")
    @APIResponse(responseCode = "201", description = "Subscribed; the answer carries the signing secret")
    @APIResponse(responseCode = "400", description = "Bad URL, a URL whose host resolves to an address the outbound guard refuses (loopback, private, link-local, ...), or unknown event types")
    public Uni<Response> create(@Valid @NotNull CreateWebhookRequest request) {
        return webhooks.create(caller.tenant(), WebhookViews.toSettings(request))
                .map(created -> Response.created(URI.create("/webhooks/" + created.subscription().id))
                        .entity(WebhookViews.toCreated(created)).build());
    }

    @GET
    @Operation(summary = "List the tenant's webhook subscriptions")
    public Uni<Page<WebhookResponse>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return webhooks.list(caller.tenant(), page, size)
                .map(subscriptions -> subscriptions.map(WebhookViews::toResponse));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a webhook subscription")
    @APIResponse(responseCode = "404", description = "No such subscription in your tenant")
    public Uni<WebhookResponse> get(@PathParam("id") UUID id) {
        return webhooks.get(caller.tenant(), id).map(WebhookViews::toResponse);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a subscription's URL, events or description", description = "Pending retries go to the new URL.")
    @APIResponse(responseCode = "200", description = "The updated subscription")
    @APIResponse(responseCode = "400", description = "Bad URL, a URL the outbound guard refuses, or unknown event types; nothing changes")
    @APIResponse(responseCode = "404", description = "No such subscription in your tenant")
    public Uni<WebhookResponse> update(@PathParam("id") UUID id, @Valid @NotNull CreateWebhookRequest request) {
        return webhooks.update(caller.tenant(), id, WebhookViews.toSettings(request)).map(WebhookViews::toResponse);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription", description = "Its deliveries, pending ones included, go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription in your tenant")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return webhooks.delete(caller.tenant(), id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rotate a subscription's signing secret", description = "Answers the new secret (shown once). During the grace period deliveries carry two signatures, one per secret, so receivers can switch over without losing a delivery.")
    @APIResponse(responseCode = "200", description = "The new secret")
    @APIResponse(responseCode = "404", description = "No such subscription in your tenant")
    public Uni<SecretResponse> rotate(@PathParam("id") UUID id,
            @RequestBody(content = @Content(schema = @Schema(implementation = RotateSecretRequest.class))) @OptionalBody String body) {
        return webhooks.rotate(caller.tenant(), id, gracePeriod(body)).map(WebhookViews::toResponse);
    }

    @POST
    @Path("/callback-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Issue (rotate) the tenant's callback signing secret", description = "Completion webhooks of runs requested with a callbackUrl are signed with the tenant's callback secret. Answers the new secret (shown once); the previous one verifies for the grace period.")
    @APIResponse(responseCode = "200", description = "The new secret")
    public Uni<SecretResponse> rotateCallbackSecret(
            @RequestBody(content = @Content(schema = @Schema(implementation = RotateSecretRequest.class))) @OptionalBody String body) {
        return webhooks.rotateCallbackSecret(caller.tenant(), gracePeriod(body)).map(WebhookViews::toResponse);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A subscription's delivery log", description = "Newest first; each delivery with its attempts (time, status code, latency, error).")
    @APIResponse(responseCode = "404", description = "No such subscription in your tenant")
    public Uni<Page<DeliveryView>> deliveriesOf(@PathParam("id") UUID id,
            @Parameter(description = "PENDING, SUCCEEDED or DEAD") @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return webhooks.deliveriesOf(caller.tenant(), id, status(status), page, size)
                .map(deliveries -> deliveries.map(WebhookViews::toView));
    }

    @GET
    @Path("/deliveries")
    @Operation(summary = "Search deliveries", description = "All the tenant's deliveries, or one run's (its subscriptions' and its callbackUrl's), newest first.")
    public Uni<Page<DeliveryView>> deliveries(@QueryParam("runId") String runId,
            @Parameter(description = "PENDING, SUCCEEDED or DEAD") @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return webhooks.deliveries(caller.tenant(), uuid(runId), status(status), page, size)
                .map(found -> found.map(WebhookViews::toView));
    }

    @GET
    @Path("/deliveries/{deliveryId}")
    @Operation(summary = "Get a delivery with its attempts")
    @APIResponse(responseCode = "404", description = "No such delivery in your tenant")
    public Uni<DeliveryView> delivery(@PathParam("deliveryId") UUID deliveryId) {
        return webhooks.delivery(caller.tenant(), deliveryId).map(WebhookViews::toView);
    }

    @POST
    @Path("/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a delivery again", description = "Same webhook-id and body, a fresh retry budget; also for delivered and dead-lettered ones.")
    @APIResponse(responseCode = "202", description = "Queued; the attempt follows within a second")
    @APIResponse(responseCode = "404", description = "No such delivery in your tenant")
    public Uni<Response> redeliver(@PathParam("deliveryId") UUID deliveryId) {
        return webhooks.redeliver(caller.tenant(), deliveryId)
                .map(d -> Response.accepted(WebhookViews.toView(d)).build());
    }

    /** The optional rotation body, read whatever its content type (an empty POST is fine). */
    private static String gracePeriod(String body) {
        if (JsonBodyScan.scan(body).empty()) {
            return null;
        }
        RotateSecretRequest request;
        try {
            request = dev.orchestrion.runner.json.Json.MAPPER.readerFor(RotateSecretRequest.class)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .<RotateSecretRequest>readValue(body);
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("The body must be {\"gracePeriod\": \"PT24H\"}: " + e.getMessage());
        }
        if (request == null) {
            throw ProblemException.badRequest("The body must be {\"gracePeriod\": \"PT24H\"} or nothing, not null");
        }
        return request.gracePeriod();
    }

    private static UUID uuid(String runId) {
        return Ids.uuid("runId", runId);
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("status", "must be PENDING, SUCCEEDED or DEAD");
        }
    }
}
