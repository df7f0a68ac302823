package dev.orchestrion.runner.deadletter.rest;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import dev.orchestrion.runner.deadletter.model.DeadLetter;
import dev.orchestrion.runner.deadletter.service.DeadLetterService;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/dead-letters")
@Tag(name = "Dead letters", description = "Records the runner's consumers could not process for their own reason, and their replay")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
public class DeadLetterResource {

    private final DeadLetterService letters;
    private final Caller caller;

    public DeadLetterResource(DeadLetterService letters, Caller caller) {
        this.letters = letters;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List dead letters", description = "Newest first: the tenant's, and for platform-operator also those of records without a readable tenant.")
    public Uni<Page<DeadLetterView>> list(
            @Parameter(description = "Only this consumer group, e.g. runner-trigger-registry") @QueryParam("consumer") String consumer,
            @Parameter(description = "Only records of this topic") @QueryParam("topic") String topic,
            @Parameter(description = "DEAD or REPLAYED") @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return letters.list(tenant(), platform(), consumer, topic, status(status), page, size)
                .map(found -> found.map(DeadLetterView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a dead letter")
    @APIResponse(responseCode = "404", description = "No such dead letter that you may see")
    public Uni<DeadLetterView> get(@PathParam("id") UUID id) {
        return letters.get(tenant(), platform(), id).map(DeadLetterView::of);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replay a dead letter after a fix", description = "Runs the consumer that gave up on the record once more over it. Idempotent: a dead letter already replayed is answered as it is and nothing runs again. Every attempt is recorded (replays, lastReplayAt, lastReplayBy, lastReplayError).")
    @APIResponse(responseCode = "200", description = "Replayed (status REPLAYED)")
    @APIResponse(responseCode = "404", description = "No such dead letter that you may see")
    @APIResponse(responseCode = "422", description = "The record still fails for its own reason; the attempt is recorded")
    @APIResponse(responseCode = "503", description = "A dependency is unavailable; try again")
    public Uni<DeadLetterView> replay(@PathParam("id") UUID id) {
        return letters.replay(tenant(), platform(), id, caller.subject()).map(DeadLetterView::of);
    }

    /** A platform operator may call without a tenant; everybody else needs one. */
    private String tenant() {
        return platform() ? caller.tenantIfAny() : caller.tenant();
    }

    private boolean platform() {
        return caller.hasRole(Roles.PLATFORM_OPERATOR);
    }

    private static DeadLetter.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeadLetter.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("status", "must be DEAD or REPLAYED");
        }
    }
}
