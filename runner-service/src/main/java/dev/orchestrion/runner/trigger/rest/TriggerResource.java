package dev.orchestrion.runner.trigger.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.trigger.service.TriggerQueryService;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/triggers")
@Tag(name = "Triggers", description = "Business events that start workflows, and what starts which workflow")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.DESIGNER})
public class TriggerResource {

    private final TriggerQueryService triggers;
    private final Caller caller;

    public TriggerResource(TriggerQueryService triggers, Caller caller) {
        this.triggers = triggers;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Definitions that start on their own", description = "Event triggers, schedules (with the next tick) and HTTP bindings (with the path to call) of the tenant's definitions, as the runner has registered them from definition events.")
    public Uni<List<TriggerView>> list() {
        return triggers.list(caller.tenant()).map(found -> found.stream().map(TriggerView::of).toList());
    }

    @GET
    @Path("/{definitionId}")
    @Operation(summary = "One definition's trigger", description = "With a schedule's latest firings (tick, status, run or reason).")
    @APIResponse(responseCode = "404", description = "The definition has no registered trigger in your tenant")
    public Uni<TriggerView> get(@PathParam("definitionId") UUID definitionId) {
        return triggers.get(caller.tenant(), definitionId).map(TriggerView::of);
    }
}
