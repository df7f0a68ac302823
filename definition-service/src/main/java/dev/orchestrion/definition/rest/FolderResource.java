package dev.orchestrion.definition.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.Folder;
import dev.orchestrion.definition.service.FolderService;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/folders")
@Tag(name = "Folders", description = "The tenant's folder tree")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FolderResource {

    private static final String JSON = MediaType.APPLICATION_JSON;

    /**
     * The body of {@code POST /folders} and {@code PUT /folders/{id}}. A name's own rules are constraints; that a new
     * folder needs one (a rename may leave it out) is the service's.
     */
    public record FolderRequest(
            @Size(max = 100, message = "must be at most 100 characters") @Pattern(regexp = "[^/]*", message = "must not contain /") String name,
            String parentId, Long revision) {
    }

    /** A folder with its path from the top of the tree. */
    public record FolderResponse(String id, String name, String parentId, String path, long revision, Instant createdAt,
            Instant updatedAt) {
    }

    /** All folders of the tenant (parents before children). */
    public record FolderList(List<FolderResponse> items) {
    }

    private final FolderService folders;
    private final Caller caller;

    public FolderResource(FolderService folders, Caller caller) {
        this.folders = folders;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR})
    @Operation(summary = "List the folder tree", description = "Every folder with its parent and path.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "folders", value = "{\"items\": ["
            + ApiExamples.FOLDER_RESPONSE + "]}")))
    public Uni<FolderList> list() {
        return folders.list(caller.tenant()).map(all -> new FolderList(all.stream().map(f -> toResponse(f, all))
                .sorted(java.util.Comparator.comparing(FolderResponse::path)).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR})
    @Operation(summary = "Get a folder")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "folder", value = ApiExamples.FOLDER_RESPONSE)))
    public Uni<FolderResponse> get(@PathParam("id") @ResourceId String id) {
        String tenant = caller.tenant();
        return folders.get(tenant, id).chain(f -> folders.list(tenant).map(all -> toResponse(f, all)));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create a folder", description = "parentId null creates it at the top level; sibling names are unique (409).")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "folder", value = ApiExamples.FOLDER)))
    @APIResponse(responseCode = "201", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "created", value = ApiExamples.FOLDER_RESPONSE)))
    public Uni<Response> create(@Valid @NotNull FolderRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A folder body is required");
        }
        String tenant = caller.tenant();
        return folders.create(tenant, request.name(), request.parentId()).chain(f -> folders.list(tenant)
                .map(all -> Response.created(URI.create("/folders/" + f.id())).entity(toResponse(f, all)).build()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Rename or move a folder", description = "name renames; parentId moves (\"root\" or \"\" to the top level). Moving a folder under itself or one of its subfolders is refused with 409.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "move", value = "{\"name\": \"KYC checks\", \"parentId\": \"root\"}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "folder", value = ApiExamples.FOLDER_RESPONSE)))
    public Uni<FolderResponse> update(@PathParam("id") @ResourceId String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull FolderRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A folder body is required");
        }
        String tenant = caller.tenant();
        return folders
                .update(tenant, id, request.name(), request.parentId(), Revisions.expected(ifMatch, request.revision()))
                .chain(f -> folders.list(tenant).map(all -> toResponse(f, all)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Delete a folder", description = "Refused with 409 while it holds subfolders or definitions, unless moveContentsTo names where they go (a folder id, or root).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Not empty")
    public Uni<Response> delete(@PathParam("id") @ResourceId String id,
            @QueryParam("moveContentsTo") @Parameter(description = "a folder id or root") String moveContentsTo) {
        return folders.delete(caller.tenant(), caller.subject(), id, moveContentsTo)
                .map(v -> Response.noContent().build());
    }

    private static FolderResponse toResponse(Folder f, List<Folder> all) {
        return new FolderResponse(f.id(), f.name(), f.parentId(),
                dev.orchestrion.definition.service.ExchangeService.path(all, f.id()), f.revision(), f.createdAt(),
                f.updatedAt());
    }
}
