package dev.orchestrion.runner.stats.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.stats.service.StatsService;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/stats")
@Tag(name = "Statistics", description = "Live statistics of workflows, built from run events")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.DESIGNER})
public class StatsResource {

    private final StatsService stats;
    private final Caller caller;

    public StatsResource(StatsService stats, Caller caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @Path("/definitions/{id}")
    @Operation(summary = "A workflow's live statistics", description = "Runs started, running, waiting, completed, failed and cancelled; mean and p95 duration of ended runs; per node executions entered, completed and failed, and runs waiting in it now. For active, paused and finalized workflows alike; updated within a second of the run events.")
    @APIResponse(responseCode = "200", description = "The statistics")
    @APIResponse(responseCode = "400", description = "Bad window or version")
    @APIResponse(responseCode = "404", description = "No such definition in your tenant")
    public Uni<DefinitionStatsView> definition(@PathParam("id") UUID id,
            @Parameter(description = "Count only runs of this version") @QueryParam("version") @Min(1) Integer version,
            @Parameter(description = "all (default), hour or day: runs first seen and node executions within the last hour or day") @QueryParam("window") @DefaultValue("all") String window) {
        return stats.of(caller.tenant(), id, version, window(window)).map(DefinitionStatsView::of);
    }

    @GET
    @Path("/definitions/{id}/incidents")
    @Operation(summary = "A workflow's open incidents", description = "Its runs that are FAILED now, per node that failed them, with how many and why (by error code, with the latest message and run). A retried run leaves them at once. These are runtime incidents; what keeps a draft from starting is GET /definitions/{id}/incidents of definition-service.")
    @APIResponse(responseCode = "200", description = "{definitionId, version, failedRuns, generatedAt, nodes: [{nodeId, nodeType, failedRuns, reasons: [{code, runs, lastMessage, lastRunId, lastFailedAt}]}]}")
    @APIResponse(responseCode = "400", description = "Bad version")
    @APIResponse(responseCode = "404", description = "No such definition in your tenant")
    public Uni<IncidentsView> incidents(@PathParam("id") UUID id,
            @Parameter(description = "Only runs of this version") @QueryParam("version") @Min(1) Integer version) {
        return stats.failures(caller.tenant(), id, version)
                .map(groups -> IncidentsView.of(id, version, Instant.now(), groups));
    }

    private static StatsService.Window window(String window) {
        try {
            return StatsService.Window.valueOf(window.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("window", "must be all, hour or day");
        }
    }
}
