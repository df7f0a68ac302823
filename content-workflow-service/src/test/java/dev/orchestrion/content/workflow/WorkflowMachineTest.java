package dev.orchestrion.content.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.content.workflow.WorkflowMachine.NamedTransition;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.DomainException;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotAllowed;
import dev.orchestrion.support.domain.Unprocessable;

class WorkflowMachineTest {

    private static final Set<String> EDITOR = Set.of("content-editor");
    private static final Set<String> APPROVER = Set.of("content-approver");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> SERVICE = Set.of("service");

    private final WorkflowMachine approval = new WorkflowMachine(BuiltInWorkflows.find("approval").orElseThrow());
    private final WorkflowMachine publishing = new WorkflowMachine(BuiltInWorkflows.find("publishing").orElseThrow());
    private final WorkflowMachine basic = new WorkflowMachine(BuiltInWorkflows.find("basic").orElseThrow());

    @Test
    void anEditorSubmitsADraftForApproval() {
        Transition t = approval.invoke("draft.submit", in("draft"), EDITOR, message("please"), List::of);
        assertThat(t.fromState()).isEqualTo("draft");
        assertThat(t.toState()).isEqualTo("awaitingApproval");
        assertThat(t.name()).isEqualTo("_draft_awaitingApproval");
        assertThat(t.message()).isEqualTo("please");
        assertThat(t.auditText()).isEqualTo("Sent for approval");
        assertThat(t.publishes()).isFalse();
    }

    @Test
    void statesAwaitTheRolesTheirEventsNameButNotAdminsNorTheWithdrawalOfAPublication() {
        Map<String, List<String>> approver = keys(approval.awaiting(APPROVER));
        assertThat(approver).containsExactly(Map.entry("awaitingApproval",
                List.of("awaitingApproval.decline", "awaitingApproval.approve", "awaitingApproval.scheduledApprove")));
        assertThat(keys(approval.awaiting(EDITOR))).containsOnlyKeys("draft", "awaitingApproval", "declined")
                .containsEntry("awaitingApproval", List.of("awaitingApproval.revoke"));
        assertThat(approval.awaiting(ADMIN)).isEmpty();
        assertThat(approval.awaiting(SERVICE)).isEmpty();
        assertThat(basic.awaiting(APPROVER)).containsOnlyKeys("draft");
        assertThat(publishing.awaiting(EDITOR)).containsOnlyKeys("draft", "review", "public");
    }

    private static Map<String, List<String>> keys(Map<String, List<WorkflowMachine.EventRef>> awaiting) {
        Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
        awaiting.forEach((state, refs) -> keys.put(state, refs.stream().map(WorkflowMachine.EventRef::key).toList()));
        return keys;
    }

    @Test
    void rolesDecideWhoMayInvokeWhatAndAdminsAndServicesMayInvokeEverything() {
        assertRefused(NotAllowed.class, () -> approval.invoke("draft.submit", in("draft"), APPROVER, null, List::of));
        assertRefused(NotAllowed.class,
                () -> approval.invoke("awaitingApproval.approve", in("awaitingApproval"), EDITOR, null, List::of));
        assertThatThrownBy(
                () -> approval.invoke("awaitingApproval.approve", in("awaitingApproval"), EDITOR, null, List::of))
                .hasMessageContaining("approval.awaitingApproval.approve");
        assertRefused(NotAllowed.class,
                () -> approval.invoke("draft.submit", in("draft"), Set.of("client"), null, List::of));
        assertThat(approval.invoke("draft.submit", in("draft"), ADMIN, null, List::of).toState())
                .isEqualTo("awaitingApproval");
        assertThat(
                approval.invoke("awaitingApproval.approve", in("awaitingApproval"), SERVICE, null, List::of).toState())
                .isEqualTo("published");
    }

    @Test
    void approvingPublishesNowWithoutAScheduleAndSchedulesWithOne() {
        Transition now = approval.invoke("awaitingApproval.approve", in("awaitingApproval"), APPROVER, null, List::of);
        assertThat(now.toState()).isEqualTo("published");
        assertThat(now.publishes()).isTrue();
        assertThat(now.name()).isEqualTo("_awaitingApproval_published");

        EntryContext scheduled = new EntryContext("awaitingApproval", true, false, false, data());
        assertRefused(Unprocessable.class,
                () -> approval.invoke("awaitingApproval.approve", scheduled, APPROVER, null, List::of));
        Transition later = approval.invoke("awaitingApproval.scheduledApprove", scheduled, APPROVER, null, List::of);
        assertThat(later.toState()).isEqualTo("scheduled");
        assertThat(later.publishes()).isFalse();
        assertRefused(Unprocessable.class, () -> approval.invoke("awaitingApproval.scheduledApprove",
                in("awaitingApproval"), APPROVER, null, List::of));
    }

    @Test
    void declineNeedsItsReasonWithTheDefinitionsMessage() {
        assertThatThrownBy(() -> approval.invoke("awaitingApproval.decline", in("awaitingApproval"), APPROVER,
                message(" "), List::of)).isInstanceOfSatisfying(Unprocessable.class, e -> {
                    assertThat(e.fields())
                            .containsExactly(new FieldViolation("data.message", "The decline reason is required"));
                });
        assertThat(approval
                .invoke("awaitingApproval.decline", in("awaitingApproval"), APPROVER, message("typos"), List::of)
                .toState()).isEqualTo("declined");
    }

    @Test
    void anEventOfAnotherStateIsAConflictAndAnUnknownOneABadRequest() {
        assertRefused(Conflict.class,
                () -> approval.invoke("draft.submit", in("awaitingApproval"), EDITOR, null, List::of));
        assertRefused(Invalid.class, () -> approval.invoke("draft.fly", in("draft"), EDITOR, null, List::of));
        assertRefused(Invalid.class, () -> approval.invoke("submit", in("draft"), EDITOR, null, List::of));
    }

    @Test
    void validateChecksTheEntryAgainstItsType() {
        List<FieldViolation> problems = List.of(new FieldViolation("title", "is required"));
        assertThatThrownBy(() -> approval.invoke("draft.submit", in("draft"), EDITOR, null, () -> problems))
                .isInstanceOfSatisfying(Unprocessable.class, e -> {
                    assertThat(e.fields()).isEqualTo(problems);
                });
        // revoke does not validate: an invalid entry may still go back to draft
        assertThat(approval.invoke("awaitingApproval.revoke", in("awaitingApproval"), EDITOR, null, () -> problems)
                .toState()).isEqualTo("draft");
    }

    @Test
    void parametersAreCheckedBeforeTheEntry() {
        ObjectNode unknown = JsonNodeFactory.instance.objectNode().put("colour", "red");
        assertThatThrownBy(() -> approval.invoke("draft.submit", in("draft"), EDITOR, unknown, List::of))
                .isInstanceOfSatisfying(Unprocessable.class, e -> assertThat(e.fields())
                        .containsExactly(new FieldViolation("data.colour", "is not a parameter of this event")));
    }

    @Test
    void transitionNamesShowTheStateTheEntryWillShow() {
        assertThat(publishing.enabledTransitions(in("review"), EDITOR)).containsExactly(
                new NamedTransition("_review_public", List.of("review"), List.of("public")),
                new NamedTransition("_review_draft", List.of("review"), List.of("draft")));
        assertThat(basic.enabledTransitions(in("draft"), EDITOR)).extracting(NamedTransition::name)
                .containsExactly("_draft_published");
        assertThat(basic.enabledTransitions(new EntryContext("draft", true, false, false, data()), EDITOR))
                .extracting(NamedTransition::name).containsExactly("_draft_scheduled");
        assertThat(approval.enabledTransitions(in("awaitingApproval"), APPROVER)).extracting(NamedTransition::name)
                .containsExactly("_awaitingApproval_declined", "_awaitingApproval_published");
        assertThat(approval.enabledTransitions(in("awaitingApproval"), EDITOR)).extracting(NamedTransition::name)
                .containsExactly("_awaitingApproval_draft");
        assertThat(approval.allTransitions()).extracting(NamedTransition::name).contains("_awaitingApproval_published",
                "_awaitingApproval_scheduled", "_published_draft", "_scheduled_draft");
    }

    @Test
    void actionsPickTheEventWhoseConditionHolds() {
        Transition now = approval.invokeAction("_awaitingApproval_published", in("awaitingApproval"), APPROVER, null,
                List::of);
        assertThat(now.event()).isEqualTo("awaitingApproval.approve");
        EntryContext scheduled = new EntryContext("awaitingApproval", true, false, false, data());
        Transition later = approval.invokeAction("_awaitingApproval_scheduled", scheduled, APPROVER, null, List::of);
        assertThat(later.event()).isEqualTo("awaitingApproval.scheduledApprove");
        assertRefused(Unprocessable.class,
                () -> approval.invokeAction("_awaitingApproval_published", scheduled, APPROVER, null, List::of));
    }

    @Test
    void actionsAnswerLikeEvents() {
        assertRefused(Invalid.class,
                () -> publishing.invokeAction("_draft_public", in("draft"), EDITOR, null, List::of));
        assertRefused(Invalid.class,
                () -> publishing.invokeAction("draft_review", in("draft"), EDITOR, null, List::of));
        assertRefused(Conflict.class,
                () -> publishing.invokeAction("_review_public", in("draft"), EDITOR, null, List::of));
        assertRefused(NotAllowed.class,
                () -> publishing.invokeAction("_draft_review", in("draft"), Set.of("designer"), null, List::of));
        assertThat(publishing.invokeAction("_draft_review", in("draft"), EDITOR, null, List::of).toState())
                .isEqualTo("review");
    }

    @Test
    void enteringPublicPublishesAndLeavingItUnpublishes() {
        Transition publish = publishing.invokeAction("_review_public", in("review"), EDITOR, null, List::of);
        assertThat(publish.publishes()).isTrue();
        assertThat(publish.unpublishes()).isFalse();
        Transition archive = publishing.invokeAction("_public_archive", in("public"), EDITOR, null, List::of);
        assertThat(archive.unpublishes()).isTrue();
        Transition back = publishing.invokeAction("_public_draft", in("public"), EDITOR, null, List::of);
        assertThat(back.unpublishes()).isTrue();
        assertThat(back.toState()).isEqualTo("draft");
    }

    @Test
    void publishedEntriesCanBeUnpublishedByThoseWhoMayPublish() {
        Transition unpublish = approval.invoke("published.unpublish", in("published"), APPROVER, null, List::of);
        assertThat(unpublish.toState()).isEqualTo("draft");
        assertThat(unpublish.unpublishes()).isTrue();
        assertRefused(NotAllowed.class,
                () -> approval.invoke("published.unpublish", in("published"), EDITOR, null, List::of));
        Transition cancel = approval.invoke("scheduled.cancel", in("scheduled"), APPROVER, null, List::of);
        assertThat(cancel.cancelsPublishSchedule()).isTrue();
        assertThat(cancel.toState()).isEqualTo("draft");
    }

    @Test
    void eventsWithoutRolesAreDeniedToContentRolesAndStayingKeepsTheState() {
        WorkflowDefinition custom = new WorkflowDefinition("custom", null, null, null, null, List.of(
                WorkflowDefinitionValidatorTest.state("draft", WorkflowDefinitionValidatorTest.event("note", null))),
                null, null, null, null);
        WorkflowMachine machine = new WorkflowMachine(custom);
        Transition stay = machine.invoke("draft.note", in("draft"), Set.of("admin"), null, List::of);
        assertThat(stay.toState()).isEqualTo("draft");
        assertThat(stay.name()).isEqualTo("_draft_draft");
        assertThat(stay.changesState()).isFalse();
        assertThat(machine.invoke("draft.note", in("draft"), Set.of("service"), null, List::of).toState())
                .isEqualTo("draft");
        // issue 11: an event without roles is denied by default, to every content role
        assertRefused(NotAllowed.class, () -> machine.invoke("draft.note", in("draft"), EDITOR, null, List::of));
        assertRefused(NotAllowed.class, () -> machine.invoke("draft.note", in("draft"), APPROVER, null, List::of));
        assertRefused(NotAllowed.class,
                () -> machine.invoke("draft.note", in("draft"), Set.of("designer"), null, List::of));
        assertThat(machine.available(in("draft"), EDITOR)).isEmpty();
    }

    @Test
    void seed003sCustomWorkflowRuns() {
        WorkflowMachine custom = new WorkflowMachine(Seed003.definition());
        assertThat(custom.id()).isEqualTo("CustomEntryApproval");
        // its events name no roles: denied to content roles by default (issue 11), open to admins and runs
        assertRefused(NotAllowed.class,
                () -> custom.invoke("draft.submit", in("draft"), EDITOR, message("hi"), List::of));
        assertThat(custom.invoke("draft.submit", in("draft"), Set.of("admin"), message("hi"), List::of).toState())
                .isEqualTo("awaitingApproval");
        assertRefused(NotAllowed.class,
                () -> custom.invoke("awaitingApproval.approve", in("awaitingApproval"), EDITOR, null, List::of));
        assertThat(custom.invoke("awaitingApproval.approve", in("awaitingApproval"), Set.of("service"), null, List::of)
                .toState()).isEqualTo("published");
        assertThat(custom.permission(custom.event("draft", "submit").orElseThrow()))
                .isEqualTo("CustomEntryApproval.draft.submit");
    }

    private static EntryContext in(String state) {
        return new EntryContext(state, false, false, false, data());
    }

    private static JsonNode data() {
        return JsonNodeFactory.instance.objectNode().put("title", "Hello");
    }

    private static ObjectNode message(String text) {
        return JsonNodeFactory.instance.objectNode().put("message", text);
    }

    private static void assertRefused(Class<? extends DomainException> kind, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(kind);
    }
}
