package dev.orchestrion.content.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.content.model.workflow.WorkflowEvent;
import dev.orchestrion.content.model.workflow.WorkflowStateDefinition;

class BuiltInWorkflowsTest {

    @Test
    void theFourBuiltInsAreSystemDefinitionsWithoutProblems() {
        assertThat(BuiltInWorkflows.all()).extracting(WorkflowDefinition::id).containsExactly("saved", "basic",
                "approval", "publishing");
        for (WorkflowDefinition definition : BuiltInWorkflows.all()) {
            assertThat(definition.system()).as(definition.id()).isTrue();
            assertThat(WorkflowDefinitionValidator.problems(definition)).as(definition.id()).isEmpty();
        }
    }

    @Test
    void savedHasOneStateAndNoEvents() {
        WorkflowDefinition saved = BuiltInWorkflows.find("saved").orElseThrow();
        assertThat(saved.states()).extracting(WorkflowStateDefinition::id).containsExactly("saved");
        assertThat(new WorkflowMachine(saved).allEvents()).isEmpty();
        assertThat(new WorkflowMachine(saved).publishes()).isFalse();
    }

    @Test
    void basicPublishesFromDraftThroughSysWorkflow() {
        WorkflowMachine basic = new WorkflowMachine(BuiltInWorkflows.find("basic").orElseThrow());
        assertThat(basic.firstState()).isEqualTo("draft");
        assertThat(events(basic)).containsExactly("draft.publish->sysWorkflow", "published.unpublish->draft",
                "scheduled.cancel->draft");
    }

    @Test
    void approvalHasTheIssuesStatesEventsAndRoles() {
        WorkflowDefinition approval = BuiltInWorkflows.find("approval").orElseThrow();
        WorkflowMachine machine = new WorkflowMachine(approval);
        assertThat(events(machine)).containsExactly("draft.submit->awaitingApproval", "awaitingApproval.revoke->draft",
                "awaitingApproval.decline->declined", "awaitingApproval.approve->sysWorkflow",
                "awaitingApproval.scheduledApprove->sysWorkflow", "declined.submit->awaitingApproval",
                "published.unpublish->draft", "scheduled.cancel->draft");
        assertThat(event(approval, "draft", "submit").roles()).containsExactly("content-editor");
        assertThat(event(approval, "declined", "submit").roles()).containsExactly("content-editor");
        assertThat(event(approval, "awaitingApproval", "approve").roles()).containsExactly("content-approver");
        assertThat(event(approval, "awaitingApproval", "decline").roles()).containsExactly("content-approver");
        assertThat(
                event(approval, "awaitingApproval", "decline").parameters().get(0).validations().required().message())
                .containsEntry("en-GB", "The decline reason is required");
        assertThat(approval.states().get(1).updatesAllowed()).isFalse();
    }

    @Test
    void publishingGoesDraftReviewPublicArchiveWithWayBacksToDraft() {
        WorkflowMachine publishing = new WorkflowMachine(BuiltInWorkflows.find("publishing").orElseThrow());
        assertThat(publishing.allTransitions()).extracting(WorkflowMachine.NamedTransition::name).containsExactly(
                "_draft_review", "_review_public", "_review_draft", "_public_archive", "_public_draft");
        assertThat(publishing.usesSysWorkflow()).isFalse();
        assertThat(publishing.publishes()).isTrue();
    }

    @Test
    void contensisIdsAreAliases() {
        assertThat(BuiltInWorkflows.find("contensisEntryBasic")).map(WorkflowDefinition::id).contains("basic");
        assertThat(BuiltInWorkflows.find("contensisEntryApproval")).map(WorkflowDefinition::id).contains("approval");
        assertThat(BuiltInWorkflows.isReserved("contensisEntryApproval")).isTrue();
        assertThat(BuiltInWorkflows.isReserved("CustomEntryApproval")).isFalse();
    }

    private static List<String> events(WorkflowMachine machine) {
        return machine.allEvents().stream().map(e -> e.key() + "->" + e.event().transitionTo()).toList();
    }

    private static WorkflowEvent event(WorkflowDefinition definition, String state, String event) {
        return definition.states().stream().filter(s -> s.id().equals(state)).findFirst().orElseThrow().events()
                .stream().filter(e -> e.id().equals(event)).findFirst().orElseThrow();
    }
}
