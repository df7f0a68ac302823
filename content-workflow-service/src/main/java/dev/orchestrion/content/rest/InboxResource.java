package dev.orchestrion.content.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.service.InboxService;
import dev.orchestrion.content.service.InboxService.InboxQuery;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.ids.Ids;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

/** The entries that wait for a role's action, across content types: an approver's or an editor's inbox. */
@Path("/api/v1/workflow/inbox")
@Tag(name = "Entry workflow (inbox)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private static final int DEFAULT_LIMIT = 20;

    private final InboxService inbox;
    private final Caller caller;

    public InboxResource(InboxService inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER, Roles.SERVICE})
    @Operation(summary = "Entries waiting for a role's action, across content types", description = "Live entries whose "
            + "current state has an event that names one of the roles (the roles an event allows; admin's right to "
            + "invoke every event does not count, nor do unpublishing and cancelling a schedule), latest change first. "
            + "With the built-in workflows a content-approver's inbox holds approval entries awaiting approval and, as "
            + "both content roles may move them, basic drafts and publishing-workflow entries; narrow it with workflow "
            + "or state. Each item: the entry, the events that wait (invokableNow says whether the caller may invoke one "
            + "now) and the fields that differ from the public version.")
    @APIResponse(responseCode = "200", description = "{total_count, total_pages, current_page, count, data: [{entry, awaiting: [{event, name, groupId, roles, invokableNow, transition, to}], changedFields}]}")
    @APIResponse(responseCode = "400", description = "A malformed role, type, workflow, state, page or limit, named in errors[].field")
    @APIResponse(responseCode = "403", description = "A role asked for that the caller does not hold (admin and service may ask for any)")
    @APIResponse(responseCode = "404", description = "No such content type or workflow")
    public Uni<PageResponse<InboxItemResponse>> list(
            @Parameter(description = "The roles whose work is listed, separated by commas; by default the caller's") @QueryParam("role") String role,
            @Parameter(description = "Only entries of this content type") @QueryParam("type") String type,
            @Parameter(description = "Only entries following this workflow (an id of GET /api/v1/workflow)") @QueryParam("workflow") String workflow,
            @Parameter(description = "Only entries in these states, separated by commas") @QueryParam("state") String state,
            @Parameter(description = "true: only entries the caller created (an editor's own drafts and submissions)") @QueryParam("mine") String mine,
            @Parameter(description = "Page, from 1") @QueryParam("page") String page,
            @Parameter(description = "Entries per page, 1-1000 (default 20)") @QueryParam("limit") String limit) {
        List<FieldViolation> problems = new ArrayList<>();
        Set<String> roles = names("role", role, problems);
        Set<String> states = names("state", state, problems);
        String contentType = name("type", type, problems);
        String workflowId = name("workflow", workflow, problems);
        if (!problems.isEmpty()) {
            throw Invalid.fields(problems);
        }
        String createdBy = null;
        if (Params.bool("mine", mine, false)) {
            createdBy = caller.subject();
            if (createdBy == null || createdBy.isBlank()) {
                // without a subject "mine" would silently mean everyone's
                throw Invalid.fields(List
                        .of(new FieldViolation("mine", "needs a token that names its user (sub); this one does not")));
            }
        }
        int pageNumber = Params.integer("page", page, 1);
        int pageSize = Params.integer("limit", limit, DEFAULT_LIMIT);
        Set<String> asked = roles.isEmpty() ? caller.roles() : roles;
        Instant now = InboxService.now();
        return inbox
                .inbox(caller.tenant(), caller.roles(),
                        new InboxQuery(asked, contentType, workflowId, states, createdBy, pageNumber, pageSize))
                .map(found -> PageResponse.of(
                        found.items().stream().map(item -> InboxItemResponse.of(item, caller.roles(), now)).toList(),
                        found.total(), pageNumber, pageSize));
    }

    /** A comma-separated list of name-like ids; each malformed one is named. */
    private static Set<String> names(String field, String value, List<FieldViolation> problems) {
        Set<String> names = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return names;
        }
        for (String part : value.split(",", -1)) {
            String trimmed = part.trim();
            if (!Ids.isName(trimmed)) {
                problems.add(new FieldViolation(field, Ids.NAME_MESSAGE + ", separated by commas"));
                return names;
            }
            names.add(trimmed);
        }
        return names;
    }

    private static String name(String field, String value, List<FieldViolation> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Ids.isName(value.trim())) {
            problems.add(new FieldViolation(field, Ids.NAME_MESSAGE));
            return null;
        }
        return value.trim();
    }
}
