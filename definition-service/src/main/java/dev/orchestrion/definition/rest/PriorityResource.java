package dev.orchestrion.definition.rest;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.StoredDefinition;
import dev.orchestrion.definition.service.PriorityService;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/priorities")
@Tag(name = "Priorities", description = "The execution order of the tenant's active workflows")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PriorityResource {

    private static final String JSON = MediaType.APPLICATION_JSON;

    /** One active definition at its position (1 is the highest priority). */
    public record PriorityItem(int position, String definitionId, String name, String exclusiveGroup) {
    }

    public record PriorityList(List<PriorityItem> items) {
    }

    /** The body of {@code PUT /priorities}: active definition ids, position 1 first. */
    public record PriorityOrder(@NotNull(message = "must list definition ids, position 1 first") List<String> order) {
    }

    private final PriorityService priorities;
    private final Caller caller;

    public PriorityResource(PriorityService priorities, Caller caller) {
        this.priorities = priorities;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "The priority order of ACTIVE definitions", description = "Position 1 is evaluated first and wins where workflows compete (an exclusive group); a newly started definition joins last.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "order", value = ApiExamples.PRIORITIES)))
    public Uni<PriorityList> get() {
        return priorities.order(caller.tenant()).map(PriorityResource::toList);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Re-order the ACTIVE definitions", description = "order lists definition ids, position 1 first; active definitions it leaves out follow in their current order. An id that is not an ACTIVE definition of the tenant is refused with 422.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "order", value = ApiExamples.PRIORITIES_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "order", value = ApiExamples.PRIORITIES)))
    public Uni<PriorityList> put(@Valid @NotNull PriorityOrder request) {
        if (request == null) {
            throw ProblemException.badRequest("A body {\"order\": [...]} is required");
        }
        return priorities.reorder(caller.tenant(), caller.subject(), request.order()).map(PriorityResource::toList);
    }

    private static PriorityList toList(List<StoredDefinition> ordered) {
        return new PriorityList(IntStream.range(0, ordered.size()).mapToObj(i -> new PriorityItem(i + 1,
                ordered.get(i).id(), ordered.get(i).name(), ordered.get(i).exclusiveGroup())).toList());
    }
}
