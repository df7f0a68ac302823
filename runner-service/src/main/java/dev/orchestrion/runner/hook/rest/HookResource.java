package dev.orchestrion.runner.hook.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.hook.service.HookService;
import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.run.rest.RunAccepted;
import dev.orchestrion.support.edge.JsonBodyScan;
import dev.orchestrion.support.edge.OptionalBody;
import dev.orchestrion.support.edge.StorableText;
import dev.orchestrion.support.ids.Ids;
import dev.orchestrion.support.problem.ProblemException;

/**
 * The HTTP bindings' endpoint. Authenticated by API key, not by bearer token: {@code @PermitAll} for JAX-RS, and
 * {@link HookService} checks the key (401), the binding (404) and the key's scope (403); every error is still
 * problem+json.
 */
@Path("/hooks/{tenant}/{path: .+}")
@Tag(name = "HTTP bindings", description = "Workflows started by HTTP calls to /hooks/{tenant}/{path}, authenticated by API keys")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, apiKeyName = "X-API-Key", in = SecuritySchemeIn.HEADER)
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class HookResource {

    private static final int MAX_BODY = 1024 * 1024;
    private static final String DESCRIPTION = "Starts the ACTIVE workflow bound to this method and path template. Path variables and the JSON body become trigger.path, trigger.body (and trigger.query) and fill parameters of the same names. The optional caseId query parameter names the run's case (else the workflow's system case); an Idempotency-Key header makes a repeated call return the same run. Answers 202 {id, caseId, status}, or with respondWith: result the run's result (200) once it ends within responseTimeout (a FAILED run answers 502, a CANCELLED one 409, one still going 202).";

    private final HookService hooks;

    public HookResource(HookService hooks) {
        this.hooks = hooks;
    }

    @GET
    @Operation(summary = "Call a GET binding", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The run's result (respondWith: result)")
    @APIResponse(responseCode = "202", description = "The run was started: {id, caseId, status}")
    @APIResponse(responseCode = "401", description = "Missing or invalid API key")
    @APIResponse(responseCode = "403", description = "The key may not start this workflow")
    @APIResponse(responseCode = "404", description = "No workflow bound to this method and path")
    @APIResponse(responseCode = "429", description = "Your tenant has too many run requests in progress or runs queued; retry after Retry-After")
    @APIResponse(responseCode = "503", description = "The platform has too many run requests in progress, runs queued or events unpublished; retry after Retry-After")
    public Uni<Response> get(@PathParam("tenant") String tenant, @PathParam("path") String path,
            @HeaderParam("X-API-Key") String apiKey, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        return call("GET", tenant, path, apiKey, idempotencyKey, uri, null, null);
    }

    @POST
    @Operation(summary = "Call a POST binding", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The run's result (respondWith: result)")
    @APIResponse(responseCode = "202", description = "The run was started: {id, caseId, status}")
    @APIResponse(responseCode = "401", description = "Missing or invalid API key")
    @APIResponse(responseCode = "403", description = "The key may not start this workflow")
    @APIResponse(responseCode = "404", description = "No workflow bound to this method and path")
    @APIResponse(responseCode = "429", description = "Your tenant has too many run requests in progress or runs queued; retry after Retry-After")
    @APIResponse(responseCode = "503", description = "The platform has too many run requests in progress, runs queued or events unpublished; retry after Retry-After")
    public Uni<Response> post(@PathParam("tenant") String tenant, @PathParam("path") String path,
            @HeaderParam("X-API-Key") String apiKey, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Type") String contentType, @Context UriInfo uri, @OptionalBody byte[] body) {
        return call("POST", tenant, path, apiKey, idempotencyKey, uri, contentType, body);
    }

    @PUT
    @Operation(summary = "Call a PUT binding", description = DESCRIPTION)
    @APIResponse(responseCode = "202", description = "The run was started: {id, caseId, status}")
    public Uni<Response> put(@PathParam("tenant") String tenant, @PathParam("path") String path,
            @HeaderParam("X-API-Key") String apiKey, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Type") String contentType, @Context UriInfo uri, @OptionalBody byte[] body) {
        return call("PUT", tenant, path, apiKey, idempotencyKey, uri, contentType, body);
    }

    @PATCH
    @Operation(summary = "Call a PATCH binding", description = DESCRIPTION)
    @APIResponse(responseCode = "202", description = "The run was started: {id, caseId, status}")
    public Uni<Response> patch(@PathParam("tenant") String tenant, @PathParam("path") String path,
            @HeaderParam("X-API-Key") String apiKey, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Type") String contentType, @Context UriInfo uri, @OptionalBody byte[] body) {
        return call("PATCH", tenant, path, apiKey, idempotencyKey, uri, contentType, body);
    }

    @DELETE
    @Operation(summary = "Call a DELETE binding", description = DESCRIPTION)
    @APIResponse(responseCode = "202", description = "The run was started: {id, caseId, status}")
    public Uni<Response> delete(@PathParam("tenant") String tenant, @PathParam("path") String path,
            @HeaderParam("X-API-Key") String apiKey, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        return call("DELETE", tenant, path, apiKey, idempotencyKey, uri, null, null);
    }

    private Uni<Response> call(String method, String tenant, String path, String apiKey, String idempotencyKey,
            UriInfo uri, String contentType, byte[] body) {
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!"caseId".equals(name) && !values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        if (idempotencyKey != null && idempotencyKey.length() > 100) {
            throw ProblemException.validation("Idempotency-Key", "must be at most 100 characters");
        }
        HookService.HookCall call = new HookService.HookCall(tenant, method, path, apiKey,
                idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim(),
                caseId(uri.getQueryParameters().getFirst("caseId")), body(contentType, body), query);
        return hooks.call(call).map(outcome -> respond(outcome.run(), outcome.respondWithResult()));
    }

    private static Response respond(Run run, boolean respondWithResult) {
        if (!respondWithResult || !run.status.isTerminal()) {
            return Response.accepted(new RunAccepted(run.id, run.caseId, run.status))
                    .location(URI.create("/workflows/" + run.id)).header("Orchestrion-Run-Id", run.id).build();
        }
        if (run.status == RunStatus.FAILED) {
            Object message = run.error == null ? null : run.error.get("message");
            throw new ProblemException(502, "run-failed", "The workflow failed",
                    "Run " + run.id + " failed: " + message, List.of());
        }
        if (run.status == RunStatus.CANCELLED) {
            throw ProblemException.conflict("Run " + run.id + " was cancelled before it produced a result");
        }
        return Response.ok(run.result == null ? Map.of() : run.result).header("Orchestrion-Run-Id", run.id).build();
    }

    private static UUID caseId(String value) {
        return Ids.uuid("caseId", value);
    }

    private static Object body(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        if (body.length > MAX_BODY) {
            throw new ProblemException(413, "too-large", "Payload too large", "A hook body is limited to 1 MiB",
                    List.of());
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            if (!StorableText.isStorable(text)) {
                throw ProblemException.validation("body", StorableText.MESSAGE);
            }
            return text;
        }
        // read as JSON whatever the Content-Type says: the edge rule for text and one document only
        JsonBodyScan.scan(text);
        try {
            return Json.MAPPER.convertValue(Json.MAPPER.readTree(text), Object.class);
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("The body is not valid JSON: " + e.getMessage());
        }
    }

}
