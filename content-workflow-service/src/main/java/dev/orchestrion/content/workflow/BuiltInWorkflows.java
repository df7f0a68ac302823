package dev.orchestrion.content.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.model.workflow.DefinitionVersion;
import dev.orchestrion.content.model.workflow.EventGroup;
import dev.orchestrion.content.model.workflow.EventParameter;
import dev.orchestrion.content.model.workflow.InvokableCondition;
import dev.orchestrion.content.model.workflow.ParameterValidations;
import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.content.model.workflow.WorkflowEvent;
import dev.orchestrion.content.model.workflow.WorkflowStateDefinition;
import dev.orchestrion.support.security.Roles;

/**
 * The read-only workflows every tenant has: {@code saved} (one state, the default), {@code basic} (draft, publish),
 * {@code approval} (seed 003's approval workflow with roles) and {@code publishing} (seed 004's draft, review, public,
 * archive). {@code contensisEntryBasic} and {@code contensisEntryApproval} are aliases so that seed 003's content
 * types work unchanged.
 */
public final class BuiltInWorkflows {

    public static final String SAVED = "saved";
    public static final String BASIC = "basic";
    public static final String APPROVAL = "approval";
    public static final String PUBLISHING = "publishing";

    private static final Map<String, String> ALIASES = Map.of("contensisentrybasic", BASIC, "contensisentryapproval",
            APPROVAL);
    private static final DefinitionVersion SYSTEM_VERSION = new DefinitionVersion("system", "2026-01-01T00:00:00Z",
            "system", "2026-01-01T00:00:00Z", null, null, "1.0");
    private static final List<String> EDITOR = List.of(Roles.CONTENT_EDITOR);
    private static final List<String> APPROVER = List.of(Roles.CONTENT_APPROVER);
    private static final List<String> CONTENT_ROLES = List.of(Roles.CONTENT_EDITOR, Roles.CONTENT_APPROVER);

    private static final List<WorkflowDefinition> ALL = List.of(saved(), basic(), approval(), publishing());

    private BuiltInWorkflows() {
    }

    public static List<WorkflowDefinition> all() {
        return ALL;
    }

    /** The built-in with this id or alias (case-insensitive for aliases), if any. */
    public static Optional<WorkflowDefinition> find(String idOrAlias) {
        if (idOrAlias == null) {
            return Optional.empty();
        }
        String id = canonicalId(idOrAlias);
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The built-in id an alias stands for, or the id itself. */
    public static String canonicalId(String idOrAlias) {
        return ALIASES.getOrDefault(idOrAlias.toLowerCase(Locale.ROOT), idOrAlias);
    }

    /** Whether a definition with this id could not be created or changed by a tenant. */
    public static boolean isReserved(String idOrAlias) {
        return find(idOrAlias).isPresent();
    }

    private static WorkflowDefinition saved() {
        return definition(SAVED, "a1f3c0de-5a7e-4d00-9000-000000000001", "Saved",
                "The default workflow: one state, entries are saved and never published",
                List.of(new WorkflowStateDefinition(SAVED, text("Saved"), List.of(), "cobalt", "default", true)),
                List.of(), List.of());
    }

    private static WorkflowDefinition basic() {
        WorkflowEvent publish = new WorkflowEvent("publish", text("Publish"), text("Published"),
                text("Publish the entry"), SystemStates.SYS_WORKFLOW, "green", "publish", "navigateToEntryListing",
                true, List.of(messageParameter("An optional message", null)), null, CONTENT_ROLES);
        return definition(BASIC, "a1f3c0de-5a7e-4d00-9000-000000000002", "Basic workflow",
                "Entries are drafted and published", List.of(new WorkflowStateDefinition("draft", text("Draft"),
                        List.of(publish), "cobalt", "default", true)),
                List.of(new EventGroup("publish", text("Publish"))), List.of("contensisEntryBasic"));
    }

    private static WorkflowDefinition approval() {
        WorkflowEvent submit = new WorkflowEvent("submit", text("Send for approval"), text("Sent for approval"),
                text("Send the entry for approval"), "awaitingApproval", "green", "submitRevoke",
                "navigateToEntryListing", true,
                List.of(messageParameter("Add an optional message for the approver", null)), null, EDITOR);
        WorkflowEvent revoke = new WorkflowEvent("revoke", text("Revoke and edit"), text("Revoked"),
                text("Revoke the entry submission"), "draft", "white", "submitRevoke", "none", false, List.of(), null,
                EDITOR);
        WorkflowEvent decline = new WorkflowEvent("decline", text("Decline"), text("Declined"),
                text("Decline the entry for approval"), "declined", "red", "approveDecline", "navigateToEntryListing",
                false,
                List.of(messageParameter("Add a message to explain to the author why this content is being declined",
                        new ParameterValidations(
                                new ParameterValidations.Required(text("The decline reason is required")), null, null,
                                null, null))),
                null, APPROVER);
        WorkflowEvent approve = new WorkflowEvent("approve", text("Approve"), text("Approved"),
                text("Approve the entry changes for publishing"), SystemStates.SYS_WORKFLOW, "green", "approveDecline",
                "navigateToEntryListing", false, List.of(),
                List.of(new InvokableCondition("isScheduledForPublish()", BooleanNode.FALSE, null)), APPROVER);
        WorkflowEvent scheduledApprove = new WorkflowEvent("scheduledApprove", text("Approve and schedule"),
                text("Approved and scheduled"), text("Approve the entry changes for publishing"),
                SystemStates.SYS_WORKFLOW, "green", "approveDecline", "navigateToEntryListing", false, List.of(),
                List.of(new InvokableCondition("isScheduledForPublish()", BooleanNode.TRUE, null)), APPROVER);
        WorkflowEvent resubmit = new WorkflowEvent("submit", text("Re-submit"), text("Re-submitted for approval"),
                text("Re-submit the entry for approval"), "awaitingApproval", "green", "submitRevoke",
                "navigateToEntryListing", true, List.of(messageParameter("Message", null)), null, EDITOR);
        return definition(APPROVAL, "a1f3c0de-5a7e-4d00-9000-000000000003", "Approval workflow",
                "Entries are submitted for approval before they are published",
                List.of(new WorkflowStateDefinition("draft", text("Draft"), List.of(submit), "cobalt", "default", true),
                        new WorkflowStateDefinition("awaitingApproval", text("Awaiting approval"),
                                List.of(revoke, decline, approve, scheduledApprove), "yellow",
                                "previousPublishedVersionCompare", false),
                        new WorkflowStateDefinition("declined", text("Declined"), List.of(resubmit), "red", "default",
                                true)),
                List.of(new EventGroup("submitRevoke", text("Submit / revoke")),
                        new EventGroup("approveDecline", text("Approve / decline"))),
                List.of("contensisEntryApproval"));
    }

    private static WorkflowDefinition publishing() {
        return definition(PUBLISHING, "a1f3c0de-5a7e-4d00-9000-000000000004", "Publishing workflow",
                "Entries are drafted, reviewed, made public and archived",
                List.of(new WorkflowStateDefinition("draft", text("Draft"), List.of(move("review", "Send to review")),
                        "cobalt", "default", true),
                        new WorkflowStateDefinition("review", text("Review"),
                                List.of(move("public", "Make public"), move("draft", "Back to draft")), "yellow",
                                "default", true),
                        new WorkflowStateDefinition(SystemStates.PUBLIC, text("Public"),
                                List.of(move("archive", "Archive"), move("draft", "Back to draft")), "green", "default",
                                true),
                        new WorkflowStateDefinition("archive", text("Archive"), List.of(), "grey", "default", true)),
                List.of(), List.of());
    }

    private static WorkflowEvent move(String target, String name) {
        return new WorkflowEvent(target, text(name), text(name), text(name), target, null, null, null, false,
                List.of(messageParameter("An optional message", null)), null, CONTENT_ROLES);
    }

    private static EventParameter messageParameter(String name, ParameterValidations validations) {
        ObjectNode editor = JsonNodeFactory.instance.objectNode().put("id", "multiline");
        editor.set("instructions", JsonNodeFactory.instance.objectNode().put("en-GB", name));
        editor.set("properties", NullNode.getInstance());
        return new EventParameter("message", text(name), "string", NullNode.getInstance(), text(name),
                NullNode.getInstance(),
                validations != null ? validations : new ParameterValidations(null, null, null, null, null), editor);
    }

    private static WorkflowDefinition definition(String id, String uuid, String name, String description,
            List<WorkflowStateDefinition> states, List<EventGroup> groups, List<String> aliases) {
        return new WorkflowDefinition(id, uuid, null, text(name), text(description), List.copyOf(states),
                new ArrayList<>(groups), true, SYSTEM_VERSION, aliases);
    }

    private static Map<String, String> text(String value) {
        return Map.of("en-GB", value);
    }
}
