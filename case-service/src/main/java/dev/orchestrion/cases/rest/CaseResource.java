package dev.orchestrion.cases.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.model.CaseEntity;
import dev.orchestrion.cases.model.NameSearch;
import dev.orchestrion.cases.service.CaseService;
import dev.orchestrion.cases.service.IdempotencyKeys;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.paging.PageRequest;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/cases")
@Tag(name = "Cases")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CLIENT, Roles.SERVICE})
public class CaseResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final CaseService cases;
    private final Caller caller;

    public CaseResource(CaseService cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a case", description = "Creates the case of a person or company that will go through workflows. "
            + "With an Idempotency-Key, repeating the request answers the case the first one created.")
    @APIResponse(responseCode = "201", description = "Case was created successfully (or, with a repeated Idempotency-Key, had been)")
    @APIResponse(responseCode = "400", description = "Bad request body")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Uni<Response> create(
            @Parameter(description = "Makes retries safe: the same key with the same body answers the first result (kept for a day)") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull CreateCaseRequest request) {
        return cases.create(caller.tenant(), request.toFields(), idempotencyKey).map(created -> {
            Response.ResponseBuilder response = Response.status(created.status())
                    .location(URI.create("/cases/" + created.entity().id)).tag(etag(created.entity()))
                    .entity(CaseResponse.of(created.entity()));
            return (created.replayed() ? response.header(IDEMPOTENT_REPLAYED, "true") : response).build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a case", description = "The ETag header carries the case's version, for If-Match on PATCH.")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "No such case in your tenant")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return cases.get(caller.tenant(), id).map(this::ok);
    }

    @GET
    @Operation(summary = "Find cases", description = "Finds the cases of returning users, newest first; every given filter must match (e-mail ignoring case; name as its parameter says).")
    @APIResponse(responseCode = "200", description = "One page of matching cases and how many match in all")
    @APIResponse(responseCode = "400", description = "A bad page, size or name")
    public Uni<Page<CaseResponse>> search(
            @Parameter(description = "The e-mail address, ignoring case") @QueryParam("email") String email,
            @Parameter(description = "The personal number, exactly") @QueryParam("personalNumber") String personalNumber,
            @Parameter(description = "The company number, exactly") @QueryParam("companyNumber") String companyNumber,
            @Parameter(description = "The client's own id, exactly") @QueryParam("externalRef") String externalRef,
            @Parameter(description = "Up to 200 characters, ignoring case: the start of the first name, the last name or the company name; several words also the start of a first name and of a last name, in either order (Gra Hop and Hopper G find Grace Hopper)") @QueryParam("name") String name,
            @Parameter(description = "Page index, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") String size) {
        NameSearch nameSearch = nameSearch(name);
        PageRequest paging = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return cases.search(caller.tenant(), blankToNull(email), blankToNull(personalNumber),
                blankToNull(companyNumber), blankToNull(externalRef), nameSearch, paging)
                .map(found -> found.map(CaseResponse::of));
    }

    private static NameSearch nameSearch(String name) {
        try {
            return NameSearch.of(name);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("name", e.getMessage());
        }
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change a case", description = "A JSON merge patch (RFC 7386) of the case's fields and attributes. "
            + "With If-Match (the ETag from GET), a case that changed since is a 409.")
    @RequestBody(description = "e.g. {\"email\": \"ada@example.org\", \"attributes\": {\"score\": 710}}")
    @APIResponse(responseCode = "200", description = "The changed case")
    @APIResponse(responseCode = "400", description = "Bad patch")
    @APIResponse(responseCode = "404", description = "No such case in your tenant")
    @APIResponse(responseCode = "409", description = "The case changed since the If-Match version, or was erased")
    public Uni<Response> patch(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version the change is based on") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonNode patch) {
        return cases.patch(caller.tenant(), id, IfMatch.expectedVersion(ifMatch), patch).map(this::ok);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Erase a case", description = "Erases the case's personal data (names, numbers, e-mail, company fields and attributes). "
            + "The case id stays, marked erased, so that runs that refer to it stay consistent.")
    @APIResponse(responseCode = "204", description = "The case is erased")
    @APIResponse(responseCode = "404", description = "No such case in your tenant")
    public Uni<Response> erase(@PathParam("id") UUID id) {
        return cases.erase(caller.tenant(), id).map(erased -> Response.noContent().build());
    }

    private Response ok(CaseEntity entity) {
        return Response.ok(CaseResponse.of(entity)).tag(etag(entity)).build();
    }

    private static EntityTag etag(CaseEntity entity) {
        return new EntityTag(Long.toString(entity.version));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
