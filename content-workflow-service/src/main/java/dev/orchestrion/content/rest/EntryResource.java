package dev.orchestrion.content.rest;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.mapping.EntryRenderer;
import dev.orchestrion.content.service.EntryService;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

/**
 * Entries of a content type in seed 004's style. Every endpoint honours {@code x-visibility: public}: reads show only
 * entries with a public version, and that version; writes refuse it.
 */
@Path("/api/v1/content/{type}")
@Tag(name = "Entries")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    static final String VISIBILITY = "x-visibility";

    private final EntryService entries;
    private final Caller caller;

    public EntryResource(EntryService entries, Caller caller) {
        this.entries = entries;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Create an entry: its fields, optionally its id; it starts in its workflow's first state")
    @APIResponse(responseCode = "201", description = "The entry, version 1 (0.1)")
    @APIResponse(responseCode = "400", description = "Fails the type's validation: every failure listed")
    @APIResponse(responseCode = "404", description = "No such content type")
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Uni<RestResponse<ObjectNode>> create(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @NotNull ObjectNode body,
            @Parameter(in = ParameterIn.HEADER, name = VISIBILITY) @HeaderParam(VISIBILITY) String visibility) {
        Params.writable(visibility);
        return entries
                .create(caller.tenant(), type, body, caller.subject()).map(
                        loaded -> RestResponse.ResponseBuilder
                                .create(RestResponse.Status.CREATED,
                                        EntryRenderer.render(loaded.entry(), loaded.machine(), caller.roles(),
                                                Instant.now()))
                                .location(URI.create("/api/v1/content/" + type + "/" + loaded.entry().id()))
                                .header("ETag", etag(loaded.entry().revision())).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "List entries, filtered and paged: filters={\"title\":{\"type\":\"contains\",\"filter\":\"x\"}},"
            + " order_by, order_direction (asc|desc), page (from 1), limit (1-1000, default 20)")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "A malformed filter or paging parameter")
    @APIResponse(responseCode = "404", description = "No such content type")
    public Uni<PageResponse<ObjectNode>> list(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @QueryParam("filters") String filters, @QueryParam("order_by") String orderBy,
            @QueryParam("order_direction") String direction, @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @Parameter(in = ParameterIn.HEADER, name = VISIBILITY) @HeaderParam(VISIBILITY) String visibility) {
        boolean publicOnly = Params.publicOnly(visibility);
        Instant now = Instant.now();
        return entries
                .list(caller.tenant(), type, filters, orderBy, direction, Params.integer("page", page, 1),
                        Params.integer("limit", limit, 20), publicOnly)
                .map(found -> PageResponse.of(
                        found.entries().stream()
                                .map(e -> publicOnly
                                        ? EntryRenderer.renderPublic(e)
                                        : EntryRenderer.render(e, found.machines().get(e.workflowId()), caller.roles(),
                                                now))
                                .toList(),
                        found.total(), found.query().page(), found.query().limit()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Get an entry (its public version with x-visibility: public)")
    @APIResponse(responseCode = "200", description = "The entry; ETag is its revision")
    @APIResponse(responseCode = "404", description = "No such entry (or no public version)")
    public Uni<RestResponse<ObjectNode>> get(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id,
            @Parameter(in = ParameterIn.HEADER, name = VISIBILITY) @HeaderParam(VISIBILITY) String visibility) {
        boolean publicOnly = Params.publicOnly(visibility);
        return entries.load(caller.tenant(), type, id, publicOnly).map(loaded -> publicOnly
                ? RestResponse.ok(EntryRenderer.renderPublic(loaded.entry()))
                : RestResponse.ResponseBuilder
                        .ok(EntryRenderer.render(loaded.entry(), loaded.machine(), caller.roles(), Instant.now()))
                        .header("ETag", etag(loaded.entry().revision())).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Update an entry's fields, saving a new version (minor +1). Editing a published, public or"
            + " scheduled entry starts a new draft in the workflow's first state; the public version stays public."
            + " Optimistic concurrency: If-Match with the ETag, or internal.latestVersion in the body")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "400", description = "Fails the type's validation: every failure listed")
    @APIResponse(responseCode = "404", description = "No such entry")
    @APIResponse(responseCode = "409", description = "Stale version, or the entry's state does not allow updates")
    public Uni<RestResponse<ObjectNode>> update(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id, @NotNull ObjectNode body,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(in = ParameterIn.HEADER, name = VISIBILITY) @HeaderParam(VISIBILITY) String visibility) {
        Params.writable(visibility);
        return entries.update(caller.tenant(), type, id, body, ifMatch, caller.subject())
                .map(loaded -> RestResponse.ResponseBuilder
                        .ok(EntryRenderer.render(loaded.entry(), loaded.machine(), caller.roles(), Instant.now()))
                        .header("ETag", etag(loaded.entry().revision())).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Delete an entry")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such entry")
    public Uni<Void> delete(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id,
            @Parameter(in = ParameterIn.HEADER, name = VISIBILITY) @HeaderParam(VISIBILITY) String visibility) {
        Params.writable(visibility);
        return entries.delete(caller.tenant(), type, id, caller.subject());
    }

    @GET
    @Path("/{id}/version")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "List an entry's versions, newest first, paged (only the public one with x-visibility:"
            + " public)")
    @APIResponse(responseCode = "200", description = "A page of versions")
    @APIResponse(responseCode = "404", description = "No such entry")
    public Uni<PageResponse<VersionResponse>> versions(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id, @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @Parameter(in = ParameterIn.HEADER, name = VISIBILITY) @HeaderParam(VISIBILITY) String visibility) {
        int pageNumber = Params.integer("page", page, 1);
        int pageSize = Params.integer("limit", limit, 20);
        return entries.versions(caller.tenant(), type, id, pageNumber, pageSize, Params.publicOnly(visibility))
                .map(found -> PageResponse.of(found.items().stream().map(VersionResponse::of).toList(), found.total(),
                        pageNumber, pageSize));
    }

    @GET
    @Path("/{id}/version/compare")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Compare two versions: the fields that were added, removed or changed")
    @APIResponse(responseCode = "200", description = "The differences")
    @APIResponse(responseCode = "400", description = "from or to missing or not integers")
    @APIResponse(responseCode = "404", description = "No such entry or version")
    public Uni<ComparisonResponse> compare(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id, @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(in = ParameterIn.HEADER, name = VISIBILITY) @HeaderParam(VISIBILITY) String visibility) {
        return entries
                .compare(caller.tenant(), type, id, Params.integer("from", from, null), Params.integer("to", to, null),
                        Params.publicOnly(visibility))
                .map(c -> new ComparisonResponse(c.from().number(), c.to().number(), c.from().versionNo(),
                        c.to().versionNo(), c.differences()));
    }

    @GET
    @Path("/{id}/version/{number: \\d+}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Get one version by its integer number (latestVersion numbering)")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such entry or version")
    public Uni<VersionResponse> version(@PathParam("type") @ResourceId(ResourceId.Kind.NAME) String type,
            @PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id, @PathParam("number") int number,
            @Parameter(in = ParameterIn.HEADER, name = VISIBILITY) @HeaderParam(VISIBILITY) String visibility) {
        return entries.version(caller.tenant(), type, id, number, Params.publicOnly(visibility))
                .map(VersionResponse::of);
    }

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }
}
