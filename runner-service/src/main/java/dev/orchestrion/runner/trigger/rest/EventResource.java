package dev.orchestrion.runner.trigger.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.trigger.model.BusinessEvent;
import dev.orchestrion.runner.trigger.service.TriggerEventPublisher;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/events")
@Tag(name = "Triggers", description = "Business events that start workflows, and what starts which workflow")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final TriggerEventPublisher events;
    private final Caller caller;

    public EventResource(TriggerEventPublisher events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.CLIENT, Roles.SERVICE})
    @Operation(summary = "Publish a business event", description = "Writes it to workflow.trigger-events. ACTIVE workflows whose trigger is this event type (and whose filter holds) start, in the tenant's priority order; of workflows sharing an exclusiveGroup only the highest-priority one. Without caseId the runs are for each workflow's system case.")
    @APIResponse(responseCode = "202", description = "Published: {id, type, occurredAt}")
    @APIResponse(responseCode = "400", description = "Bad body")
    @APIResponse(responseCode = "422", description = "caseId names no case of your tenant, or an erased one")
    @APIResponse(responseCode = "503", description = "Kafka did not take the event, or case-service could not be asked about caseId")
    public Uni<Response> publish(@Valid @NotNull PublishEventRequest request) {
        return events
                .publish(caller.tenant(),
                        new BusinessEvent(request.type(), request.caseId(), request.data(), request.source()))
                .map(published -> Response
                        .accepted(new EventAccepted(published.id(), published.type(), published.occurredAt())).build());
    }
}
