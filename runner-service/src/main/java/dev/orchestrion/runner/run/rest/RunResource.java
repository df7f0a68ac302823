package dev.orchestrion.runner.run.rest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.model.RunOrder;
import dev.orchestrion.runner.run.service.RunControlService;
import dev.orchestrion.runner.run.service.RunQueryService;
import dev.orchestrion.runner.run.service.RunRequestService;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.edge.JsonBodyScan;
import dev.orchestrion.support.edge.OptionalBody;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.paging.PageRequest;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/workflows")
@Tag(name = "Runs")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunRequestService requests;
    private final RunQueryService queries;
    private final RunControlService control;
    private final Caller caller;

    public RunResource(RunRequestService requests, RunQueryService queries, RunControlService control, Caller caller) {
        this.requests = requests;
        this.queries = queries;
        this.control = control;
        this.caller = caller;
    }

    @POST
    @Path("/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Run a workflow", description = "Runs the current published version of an ACTIVE definition for a case.")
    @APIResponse(responseCode = "200", description = "The run was accepted: {id, caseId, status}")
    @APIResponse(responseCode = "400", description = "Bad body (a malformed id included: it is refused before any other service is asked), parameters that do not fit the definition, or a callbackUrl whose host resolves to an address the outbound guard refuses")
    @APIResponse(responseCode = "404", description = "Unknown definition, case or parameter set")
    @APIResponse(responseCode = "409", description = "The definition is not ACTIVE, or the case is erased")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    @APIResponse(responseCode = "429", description = "Your tenant has too many run requests in progress or runs queued; retry after Retry-After")
    @APIResponse(responseCode = "503", description = "The platform has too many run requests in progress, runs queued or events unpublished; retry after Retry-After")
    public Uni<RunAccepted> run(@Valid @NotNull RunRequest request,
            @Parameter(description = "Repeat a request safely: the same key returns the same run") @HeaderParam("Idempotency-Key") @jakarta.validation.constraints.Size(max = 200) String idempotencyKey) {
        return requests.request(caller.tenant(), order(request), idempotencyKey)
                .map(run -> new RunAccepted(run.id, run.caseId, run.status));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Get a run's status", description = "With wait (e.g. 30s), answers as soon as the run has ended, or with the current status when the wait runs out.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run in your tenant")
    public Uni<RunView> get(@PathParam("id") UUID id,
            @Parameter(description = "Long-poll up to this long: 30s, 500ms or PT30S (capped)") @QueryParam("wait") String wait) {
        return queries.getWhenEnded(caller.tenant(), id, parseWait(wait)).map(RunViews::toView);
    }

    @GET
    @Path("/{id}/result")
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Get a finished run's result")
    @APIResponse(responseCode = "200", description = "The result (COMPLETED), the error (FAILED) or the status (CANCELLED)")
    @APIResponse(responseCode = "409", description = "The run has not ended yet")
    public Uni<RunResultView> result(@PathParam("id") UUID id) {
        return queries.get(caller.tenant(), id).map(run -> {
            if (!run.status.isTerminal()) {
                throw ProblemException
                        .conflict("Run " + id + " is " + run.status + "; its result is ready once it ends");
            }
            return RunViews.toResult(run);
        });
    }

    @GET
    @Path("/{id}/steps")
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Get a run's timeline", description = "One entry per node execution (attempt), oldest first, paged. "
            + "Redacted values are masked. A value of inputs or outputs larger than the runner's step-value-shown limit "
            + "(16 KiB by default) is replaced by {\"truncated\": true, \"size\": <bytes as JSON>}, and so is the whole "
            + "inputs or outputs object when it is still larger than that.")
    @APIResponse(responseCode = "200", description = "A page of steps, with the run's number of steps as total")
    @APIResponse(responseCode = "400", description = "page or size out of range")
    @APIResponse(responseCode = "404", description = "No such run in your tenant")
    public Uni<Page<StepView>> steps(@PathParam("id") UUID id,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Steps per page") @QueryParam("size") @DefaultValue("100") @Min(1) @Max(200) int size) {
        return queries.steps(caller.tenant(), id, page, size).map(steps -> steps.map(RunViews::toView));
    }

    @GET
    @Path("/{id}/overview")
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Everything a run's page shows", description = "In one answer: the run (as GET /workflows/{id}), its result, "
            + "what started it (its trigger; data masked whole for a run that holds redacted values), the wait it is parked in "
            + "(with the signal a waitForEvent node waits for), each node's outcome in the order the run reached it (the path it "
            + "took, the latest status, executions and failures) and the first page of its timeline (inputs and outputs with "
            + "redacted values masked and large values cut down, as GET /workflows/{id}/steps answers them; later pages there).")
    @APIResponse(responseCode = "200", description = "{run, result, parentNodeId, trigger, waiting, nodes, steps}")
    @APIResponse(responseCode = "400", description = "steps out of range")
    @APIResponse(responseCode = "404", description = "No such run in your tenant")
    public Uni<RunOverviewView> overview(@PathParam("id") UUID id,
            @Parameter(description = "How many steps of the timeline (its first page), 1-200, default 100") @QueryParam("steps") String steps) {
        // read as text: a non-number is a 400 naming it, not JAX-RS's "no such resource"
        int count = 100;
        if (steps != null && !steps.isBlank()) {
            try {
                count = Integer.parseInt(steps.strip());
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1 || count > 200) {
                throw Invalid.fields(List.of(new FieldViolation("steps", "must be a whole number from 1 to 200")));
            }
        }
        return queries.overview(caller.tenant(), id, count).map(RunViews::toView);
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Search runs", description = "Newest first (ties by id), paged; every given filter must hold. "
            + "Runs are listed without their result (GET /workflows/{id}/overview has it). "
            + "GET /workflows/counts answers how many match, by status.")
    @APIResponse(responseCode = "200", description = "A page of runs; total is how many match")
    @APIResponse(responseCode = "400", description = "A malformed filter (named in errors[].field), or page or size out of range")
    public Uni<Page<RunView>> search(@BeanParam RunFilters filters,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Runs per page, 1-200, default 20") @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size, 20, 200);
        return queries.search(filters.query(caller.tenant()), paging.page(), paging.size())
                .map(runs -> runs.map(RunViews::toView));
    }

    @GET
    @Path("/counts")
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Count runs by status", description = "How many runs match the filters of GET /workflows (the same "
            + "parameters), in all and by status. Leave status out to count every status, as tabs over a list do.")
    @APIResponse(responseCode = "200", description = "{total, byStatus: {PENDING, RUNNING, WAITING, COMPLETED, FAILED, CANCELLED}}")
    @APIResponse(responseCode = "400", description = "A malformed filter, named in errors[].field")
    public Uni<RunCountsView> counts(@BeanParam RunFilters filters) {
        return queries.counts(filters.query(caller.tenant())).map(RunViews::toView);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Cancel a run")
    @APIResponse(responseCode = "202", description = "Cancellation accepted; the run ends CANCELLED shortly")
    @APIResponse(responseCode = "409", description = "The run has already ended")
    public Uni<Response> cancel(@PathParam("id") UUID id) {
        return control.cancel(caller.tenant(), id, "Cancelled by " + caller.subject())
                .map(run -> Response.accepted(new CommandAccepted(run.id, run.status, "cancel")).build());
    }

    @POST
    @Path("/{id}/signals/{name}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Send a signal", description = "Resumes a waitForEvent node waiting for this signal; the body (any JSON, optional) becomes its data. A signal that arrives early is kept until the run waits for it.")
    @APIResponse(responseCode = "202", description = "Signal accepted")
    @APIResponse(responseCode = "409", description = "The run has already ended")
    public Uni<Response> signal(@PathParam("id") UUID id,
            @PathParam("name") @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}", message = "must be 1-100 letters, digits, '_', '.' or '-'") String name,
            @OptionalBody String body) {
        Object data = parseSignalData(body);
        return control.signal(caller.tenant(), id, name, data)
                .map(run -> Response.accepted(new CommandAccepted(run.id, run.status, "signal " + name)).build());
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Retry a failed run from its failed node", description = "Everything before the failed node is kept.")
    @APIResponse(responseCode = "202", description = "Retry accepted")
    @APIResponse(responseCode = "409", description = "The run is not FAILED")
    public Uni<Response> retry(@PathParam("id") UUID id) {
        return control.retry(caller.tenant(), id)
                .map(run -> Response.accepted(new CommandAccepted(run.id, run.status, "retry")).build());
    }

    private static Object parseSignalData(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (body.length() > 256 * 1024) {
            throw new ProblemException(413, "too-large", "Payload too large", "Signal data is limited to 256 KiB",
                    List.of());
        }
        // read as JSON whatever the Content-Type says: the edge rule for text and one document only
        JsonBodyScan.scan(body);
        try {
            return Json.MAPPER.convertValue(Json.MAPPER.readTree(body), Object.class);
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("The signal data is not valid JSON: " + e.getMessage());
        }
    }

    /** What the body asks for, as the service takes it. */
    private static RunOrder order(RunRequest request) {
        return new RunOrder(request.caseId(), request.workflowDefinitionId(), request.parametersId(),
                request.environment(), request.callbackUrl());
    }

    static Duration parseWait(String wait) {
        if (wait == null || wait.isBlank()) {
            return Duration.ZERO;
        }
        String value = wait.trim();
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                return Duration.parse(value);
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ProblemException.validation("wait", "must be a duration such as 30s, 500ms or PT30S");
        }
    }
}
