package dev.orchestrion.definition.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.PublishedVersion;
import dev.orchestrion.definition.service.BulkService;
import dev.orchestrion.definition.service.DefinitionService;
import dev.orchestrion.definition.service.DefinitionView;
import dev.orchestrion.definition.service.ExchangeService;
import dev.orchestrion.definition.service.LifecycleService;
import dev.orchestrion.definition.service.SearchQuery;
import dev.orchestrion.definition.service.VersionService;
import dev.orchestrion.support.edge.OptionalBody;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.paging.PageRequest;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/definitions")
@Tag(name = "Definitions", description = "Workflow definitions: create, search, edit, delete, duplicate, move")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DefinitionResource {

    static final String JSON = MediaType.APPLICATION_JSON;
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;

    private final DefinitionService definitions;
    private final LifecycleService lifecycle;
    private final VersionService versions;
    private final ExchangeService exchange;
    private final BulkService bulk;
    private final Caller caller;

    public DefinitionResource(DefinitionService definitions, LifecycleService lifecycle, VersionService versions,
            ExchangeService exchange, BulkService bulk, Caller caller) {
        this.definitions = definitions;
        this.lifecycle = lifecycle;
        this.versions = versions;
        this.exchange = exchange;
        this.bulk = bulk;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create a workflow definition (as a draft)", description = "The body is a definition as docs/node-types.md describes it; a blank one (only a name, no nodes) starts with a Start node on the canvas. A malformed one (unknown node type, duplicate node ids, unknown fields, ...) is refused with 400; a well-formed one is stored even with incidents.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "reference", value = ApiExamples.DEFINITION)))
    @APIResponse(responseCode = "201", description = "Created; ETag carries the revision", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "created", value = ApiExamples.DEFINITION_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Malformed definition")
    public Uni<Response> create(DefinitionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A definition body is required");
        }
        return definitions.createFromCanvas(caller.tenant(), caller.subject(), request.toContent())
                .map(v -> withEtag(Response.created(URI.create("/definitions/" + v.stored().id())), v));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR, Roles.CLIENT, Roles.SERVICE})
    @Operation(summary = "Search and list definitions", description = "Text search on name, description and tags (case-insensitive substring); filters combine with AND. sort: priority, name or updated, '-' for descending (default -updated).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "page", value = ApiExamples.SEARCH_RESPONSE)))
    public Uni<Page<DefinitionSummary>> search(@QueryParam("q") @Parameter(example = "onboarding") String text,
            @QueryParam("status") @Parameter(description = "repeatable: DRAFT, ACTIVE, PAUSED, FINALIZED") List<String> statuses,
            @QueryParam("folderId") @Parameter(description = "a folder id, or root for definitions in no folder") String folderId,
            @QueryParam("includeSubfolders") @DefaultValue("true") boolean includeSubfolders,
            @QueryParam("triggerKind") @Parameter(example = "schedule") String triggerKind,
            @QueryParam("tag") @Parameter(example = "kyc") String tag,
            @QueryParam("updatedFrom") @Parameter(example = "2026-01-01T00:00:00Z") String updatedFrom,
            @QueryParam("updatedTo") String updatedTo,
            @QueryParam("sort") @DefaultValue("-updated") @Parameter(example = "priority") String sort,
            @QueryParam("page") @Parameter(description = "Page index, from 0") String page,
            @QueryParam("size") @Parameter(description = "Page size, 1 to 200 (default 20)") String size) {
        PageRequest paging = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        SearchQuery query = new SearchQuery(text, statuses, folderId, includeSubfolders, triggerKind, tag,
                instant("updatedFrom", updatedFrom), instant("updatedTo", updatedTo), sort);
        return definitions.search(caller.tenant(), query, paging).map(found -> found.map(DefinitionSummary::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR, Roles.CLIENT, Roles.SERVICE})
    @Operation(summary = "Get a workflow definition", description = "The draft view (for an ACTIVE or PAUSED definition with pendingRevision: the pending revision) with status and publishedVersion; ETag carries the revision.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "definition", value = ApiExamples.DEFINITION_RESPONSE)))
    @APIResponse(responseCode = "404", description = "Unknown, deleted, or another tenant's")
    public Uni<Response> get(@PathParam("id") @ResourceId String id) {
        return definitions.get(caller.tenant(), id).map(v -> withEtag(Response.ok(), v));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Edit a workflow definition", description = "Replaces the draft; for an ACTIVE or PAUSED definition it becomes the pending revision while the published version keeps running (publish it with POST /definitions/{id}/publish). A FINALIZED definition cannot be edited (409). Send If-Match (or revision): a stale one is 409.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "edit", value = ApiExamples.DEFINITION)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "edited", value = ApiExamples.DEFINITION_RESPONSE)))
    @APIResponse(responseCode = "409", description = "Stale revision, or FINALIZED")
    public Uni<Response> update(@PathParam("id") @ResourceId String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, DefinitionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A definition body is required");
        }
        return definitions.update(caller.tenant(), caller.subject(), id, request.toContent(),
                Revisions.expected(ifMatch, request.revision())).map(v -> withEtag(Response.ok(), v));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Delete a workflow definition (soft)", description = "It disappears from lists and cannot be run any more; published versions stay readable for runs that pinned them.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") @ResourceId String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return definitions.delete(caller.tenant(), caller.subject(), id, Revisions.expected(ifMatch, null))
                .map(v -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/duplicate")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Duplicate a definition as a new draft", description = "Works in every status, FINALIZED included. The copy is named '<name> (copy)' unless a name is given.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, examples = @ExampleObject(name = "copy", value = "{\"name\": \"Onboarding v2\"}")))
    @APIResponse(responseCode = "201", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "copy", value = ApiExamples.DEFINITION_RESPONSE)))
    public Uni<Response> duplicate(@PathParam("id") @ResourceId String id, @OptionalBody DuplicateRequest request) {
        DuplicateRequest r = request == null ? new DuplicateRequest(null, null) : request;
        return definitions.duplicate(caller.tenant(), caller.subject(), id, r.name(), r.folderId())
                .map(v -> withEtag(Response.created(URI.create("/definitions/" + v.stored().id())), v));
    }

    @POST
    @Path("/{id}/move")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Move a definition to another folder", description = "folderId null moves it to the top level.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "move", value = "{\"folderId\": \"3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f\"}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "moved", value = ApiExamples.DEFINITION_RESPONSE)))
    public Uni<Response> move(@PathParam("id") @ResourceId String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @OptionalBody MoveRequest request) {
        MoveRequest r = request == null ? new MoveRequest(null, null) : request;
        return definitions
                .move(caller.tenant(), caller.subject(), id, r.folderId(), Revisions.expected(ifMatch, r.revision()))
                .map(v -> withEtag(Response.ok(), v));
    }

    @GET
    @Path("/{id}/incidents")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR})
    @Operation(summary = "List the incidents of the draft (or pending revision)", description = "What keeps the definition from starting or publishing; empty when it may.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "incidents", value = ApiExamples.INCIDENTS)))
    public Uni<IncidentsResponse> incidents(@PathParam("id") @ResourceId String id) {
        String tenant = caller.tenant();
        return definitions.stored(tenant, id)
                .chain(stored -> definitions.draftOf(stored).chain(draft -> definitions.incidentsOf(tenant, draft))
                        .map(list -> new IncidentsResponse(id, stored.revision(), list)));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Start a draft: publish version 1 and make it ACTIVE", description = "With a future 'at' the start is scheduled instead (the definition stays DRAFT with scheduledStartAt). Refused with 422 listing every incident; 409 when not a DRAFT. The started definition joins the end of the priority order.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, examples = @ExampleObject(name = "scheduled", value = ApiExamples.LIFECYCLE)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "started", value = ApiExamples.DEFINITION_RESPONSE)))
    @APIResponse(responseCode = "409", description = "Not a DRAFT, or a stale revision")
    @APIResponse(responseCode = "422", description = "Incidents", content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "incidents", value = ApiExamples.INCIDENTS_PROBLEM)))
    public Uni<Response> start(@PathParam("id") @ResourceId String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @OptionalBody LifecycleRequest request) {
        LifecycleRequest r = request == null ? new LifecycleRequest(null, null) : request;
        return lifecycle.start(caller.tenant(), caller.subject(), id, r.at(), Revisions.expected(ifMatch, r.revision()))
                .map(v -> withEtag(Response.ok(), v));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Publish the pending revision as the next version", description = "For an ACTIVE or PAUSED definition with pendingRevision; the status does not change. 422 with the incidents, 409 when there is nothing to publish.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, examples = @ExampleObject(name = "publish", value = "{\"revision\": 5}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "published", value = ApiExamples.DEFINITION_RESPONSE)))
    @APIResponse(responseCode = "422", description = "Incidents", content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "incidents", value = ApiExamples.INCIDENTS_PROBLEM)))
    public Uni<Response> publish(@PathParam("id") @ResourceId String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @OptionalBody LifecycleRequest request) {
        return lifecycle.publish(caller.tenant(), caller.subject(), id, expected(ifMatch, request))
                .map(v -> withEtag(Response.ok(), v));
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Pause an ACTIVE definition: no new runs", description = "409 with the current status otherwise.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, examples = @ExampleObject(name = "pause", value = "{\"revision\": 3}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "paused", value = ApiExamples.DEFINITION_RESPONSE)))
    public Uni<Response> pause(@PathParam("id") @ResourceId String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @OptionalBody LifecycleRequest request) {
        return lifecycle.pause(caller.tenant(), caller.subject(), id, expected(ifMatch, request))
                .map(v -> withEtag(Response.ok(), v));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Resume a PAUSED definition", description = "It takes its former place in the priority order. 409 with the current status otherwise.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, examples = @ExampleObject(name = "resume", value = "{\"revision\": 4}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "resumed", value = ApiExamples.DEFINITION_RESPONSE)))
    public Uni<Response> resume(@PathParam("id") @ResourceId String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @OptionalBody LifecycleRequest request) {
        return lifecycle.resume(caller.tenant(), caller.subject(), id, expected(ifMatch, request))
                .map(v -> withEtag(Response.ok(), v));
    }

    @POST
    @Path("/{id}/finalize")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Finalize an ACTIVE or PAUSED definition", description = "Final: it never runs again and cannot be edited or restarted, but it can be duplicated.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, examples = @ExampleObject(name = "finalize", value = "{\"revision\": 4}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "finalized", value = ApiExamples.DEFINITION_RESPONSE)))
    public Uni<Response> finalizeDefinition(@PathParam("id") @ResourceId String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @OptionalBody LifecycleRequest request) {
        return lifecycle.finalizeDefinition(caller.tenant(), caller.subject(), id, expected(ifMatch, request))
                .map(v -> withEtag(Response.ok(), v));
    }

    // ---- versions

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR, Roles.CLIENT, Roles.SERVICE})
    @Operation(summary = "List the published versions", description = "Oldest first; also for a deleted definition.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "versions", value = ApiExamples.VERSIONS)))
    public Uni<List<VersionSummary>> versions(@PathParam("id") @ResourceId String id) {
        return versions.list(caller.tenant(), id).map(list -> list.stream()
                .map(v -> new VersionSummary(v.version(), v.publishedAt(), v.publishedBy(), v.name())).toList());
    }

    /** One published version in the list. */
    public record VersionSummary(int version, Instant publishedAt, String publishedBy, String name) {
    }

    @GET
    @Path("/{id}/versions/{n}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR, Roles.CLIENT, Roles.SERVICE})
    @Operation(summary = "Get a published version", description = "Immutable and served forever, also after the definition was deleted: runs pin the version they started on. connections maps each connection name the graph uses to the id it resolved to.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "version", value = ApiExamples.VERSION)))
    @APIResponse(responseCode = "404", description = "No such version")
    public Uni<PublishedVersion> version(@PathParam("id") @ResourceId String id, @PathParam("n") int number) {
        return versions.version(caller.tenant(), id, number);
    }

    @GET
    @Path("/{id}/parameter-schema")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR, Roles.CLIENT, Roles.SERVICE})
    @Operation(summary = "The parameter schema runs are validated against", description = "Of the current published version (version = n), or of the draft when never started (version = null).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "schema", value = ApiExamples.PARAMETER_SCHEMA)))
    public Uni<VersionService.ParameterSchema> parameterSchema(@PathParam("id") @ResourceId String id) {
        return versions.parameterSchema(caller.tenant(), id);
    }

    // ---- export, import, bulk

    @GET
    @Path("/{id}/export")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Export a definition as a .cn file", description = "A download (Content-Disposition: attachment) in the format of docs/cn-format.md: the definition, the contents it uses, and references by name and type to connections, folders and sub-workflows; never secrets.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "file", value = ApiExamples.CN_FILE)))
    public Uni<Response> exportOne(@PathParam("id") @ResourceId String id) {
        return exchange.export(caller.tenant(), List.of(id)).map(file -> attachment(file,
                fileName(file.path("definitions").path(0).path("definition").path("name").asText("workflow"))));
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Export several definitions as one .cn file", description = "Repeat id for each definition.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "file", value = ApiExamples.CN_FILE)))
    public Uni<Response> exportMany(@QueryParam("id") @Parameter(description = "repeatable") List<String> ids) {
        return exchange.export(caller.tenant(), ids).map(file -> attachment(file, "workflows.cn"));
    }

    /** What a .cn file may be sent as, said in the 415 answer too. */
    static final String IMPORT_TYPES = "application/json, application/octet-stream, text/plain, or multipart/form-data"
            + " with the file as a file part";

    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Import a .cn file", description = "Always creates drafts with new ids. References are re-linked by name and type where they match; connections that do not match become UNKNOWN_CONNECTION incidents, folders that do not match leave the definition at the top level; both are listed in unresolved. A corrupt or foreign file is a 400 that says why. The file is the body (application/json, application/octet-stream or text/plain) or, as a browser uploads it, the file part of a multipart/form-data body; any other type is a 415 naming these.")
    @RequestBody(content = {
            @Content(mediaType = JSON, examples = @ExampleObject(name = "file", value = ApiExamples.CN_FILE)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA)})
    @APIResponse(responseCode = "201", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "imported", value = ApiExamples.IMPORT_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Not a .cn file, an unsupported version, or malformed definitions")
    @APIResponse(responseCode = "415", description = "Sent as another type than " + IMPORT_TYPES)
    public Uni<Response> importFile(
            @QueryParam("folderId") @Parameter(description = "put every imported definition in this folder") String folderId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String file) {
        if (!isImportType(contentType)) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "A .cn file is sent as " + IMPORT_TYPES + "; not "
                            + (contentType == null || contentType.isBlank() ? "without a Content-Type" : contentType),
                    List.of());
        }
        return imported(folderId, file);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Blocking
    @Operation(hidden = true)
    public Uni<Response> importUpload(@QueryParam("folderId") String folderId,
            @RestForm(FileUpload.ALL) List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw ProblemException.validation("file", "send the .cn file as a file part of the form");
        }
        if (files.size() > 1) {
            throw ProblemException.validation("file", "send one .cn file per import, not " + files.size());
        }
        String file;
        try {
            file = java.nio.file.Files.readString(files.get(0).uploadedFile(), StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw ProblemException.badRequest("The uploaded .cn file is not UTF-8 text");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return imported(folderId, file);
    }

    private Uni<Response> imported(String folderId, String file) {
        return exchange.importFile(caller.tenant(), caller.subject(), file, folderId)
                .map(result -> Response.status(201).type(MediaType.APPLICATION_JSON).entity(result).build());
    }

    static boolean isImportType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                    || type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                    || type.isCompatible(MediaType.TEXT_PLAIN_TYPE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Act on a selection of definitions", description = "action: duplicate, export, delete or move (with folderId). Each item has its own outcome (done, or failed with the status a single call would give); export also returns the .cn document of the items it could export.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "duplicate", value = ApiExamples.BULK)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "outcomes", value = ApiExamples.BULK_RESPONSE)))
    public Uni<BulkResponse> bulk(@Valid @NotNull BulkRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A bulk request body is required");
        }
        return bulk.run(caller.tenant(), caller.subject(), request.action(), request.ids(), request.folderId())
                .map(BulkResponse::of);
    }

    private static Response attachment(Object file, String name) {
        return Response.ok(file, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (safe.isEmpty() ? "workflow" : safe) + ".cn";
    }

    private static Long expected(String ifMatch, LifecycleRequest request) {
        return Revisions.expected(ifMatch, request == null ? null : request.revision());
    }

    static Response withEtag(Response.ResponseBuilder builder, DefinitionView view) {
        return builder.entity(DefinitionResponse.of(view))
                .header(HttpHeaders.ETAG, Revisions.etag(view.stored().revision())).build();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(name, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
