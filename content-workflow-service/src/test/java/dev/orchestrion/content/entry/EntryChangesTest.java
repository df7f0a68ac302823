package dev.orchestrion.content.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryChange;
import dev.orchestrion.content.model.EntryEvent;
import dev.orchestrion.content.model.ScheduleStatus;
import dev.orchestrion.content.workflow.BuiltInWorkflows;
import dev.orchestrion.content.workflow.Transition;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.DomainException;
import dev.orchestrion.support.domain.Invalid;

class EntryChangesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<String> ADMIN = Set.of("admin");

    private final WorkflowMachine approval = new WorkflowMachine(BuiltInWorkflows.find("approval").orElseThrow());
    private final WorkflowMachine publishing = new WorkflowMachine(BuiltInWorkflows.find("publishing").orElseThrow());
    private final WorkflowMachine saved = new WorkflowMachine(BuiltInWorkflows.find("saved").orElseThrow());
    private final ContentType post = new ContentType("acme", "post", "id", "Posts", "approval",
            List.of(new ContentField("title", null, "text", true, null)), 1, T0, T0, false);

    @Test
    void aNewEntryIsVersionOneInTheFirstStateWithItsCreatedEvent() {
        EntryChange created = create(approval);
        Entry entry = created.after();
        assertThat(entry.workflowState()).isEqualTo("draft");
        assertThat(entry.latestVersion()).isEqualTo(1);
        assertThat(entry.versionNo()).isEqualTo("0.1");
        assertThat(entry.publicVersion()).isNull();
        assertThat(types(created)).containsExactly(EntryEvents.CREATED);
        assertThat(created.versions()).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.kind()).isEqualTo("created");
        });
        assertThat(created.history()).singleElement().satisfies(h -> assertThat(h.toState()).isEqualTo("draft"));
    }

    @Test
    void savesBumpTheMinorAndPublishingTheMajorVersion() {
        Entry entry = create(approval).after();
        entry = EntryChanges.update(entry, approval, data("Second"), "ed", T0.plusSeconds(1)).after();
        assertThat(entry.latestVersion()).isEqualTo(2);
        assertThat(entry.versionNo()).isEqualTo("0.2");
        entry = invoke(approval, entry, "draft.submit");
        assertThat(entry.latestVersion()).as("a transition is no new version").isEqualTo(2);
        EntryChange approved = EntryChanges.transition(entry,
                approval.invoke("awaitingApproval.approve", EntryChanges.context(entry, T0), ADMIN, null, List::of),
                "boss", T0.plusSeconds(5));
        entry = approved.after();
        assertThat(entry.workflowState()).isEqualTo("published");
        assertThat(entry.latestVersion()).isEqualTo(3);
        assertThat(entry.versionNo()).isEqualTo("1.0");
        assertThat(entry.publicVersion().number()).isEqualTo(3);
        assertThat(entry.publicVersion().publishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(entry.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(types(approved)).containsExactly(EntryEvents.WORKFLOW_EVENT_INVOKED, EntryEvents.PUBLISHED);
        assertThat(approved.versions()).singleElement().satisfies(v -> assertThat(v.kind()).isEqualTo("published"));
        entry = EntryChanges.update(entry, approval, data("Third"), "ed", T0.plusSeconds(6)).after();
        assertThat(entry.versionNo()).isEqualTo("1.1");
    }

    @Test
    void editingAPublishedEntryStartsADraftAndKeepsThePublicVersion() {
        Entry published = publish(create(approval).after());
        EntryChange edit = EntryChanges.update(published, approval, data("Edited"), "ed", T0.plusSeconds(9));
        assertThat(edit.after().workflowState()).isEqualTo("draft");
        assertThat(edit.after().publicVersion()).isEqualTo(published.publicVersion());
        assertThat(edit.after().publicVersion().data().get("title").asText()).isEqualTo("Hello");
        assertThat(edit.history()).singleElement().satisfies(h -> {
            assertThat(h.fromState()).isEqualTo("published");
            assertThat(h.toState()).isEqualTo("draft");
        });
        assertThat(edit.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntryEvents.UPDATED);
            assertThat(e.data().get("changedFields").toString()).isEqualTo("[\"title\"]");
        });
    }

    @Test
    void aStateWithoutUpdatesRefusesThemWithAConflict() {
        Entry waiting = invoke(approval, create(approval).after(), "draft.submit");
        assertThatThrownBy(() -> EntryChanges.update(waiting, approval, data("x"), "ed", T0))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void publicPublishesOnEntryAndLeavingItUnpublishes() {
        Entry entry = create(publishing).after();
        entry = invokeAction(publishing, entry, "_draft_review");
        EntryChange toPublic = EntryChanges.transition(entry,
                publishing.invokeAction("_review_public", EntryChanges.context(entry, T0), ADMIN, null, List::of), "ed",
                T0.plusSeconds(3));
        entry = toPublic.after();
        assertThat(entry.publicVersion().number()).isEqualTo(2);
        assertThat(entry.publicVersion().workflowState()).isEqualTo("public");
        EntryChange archived = EntryChanges.transition(entry,
                publishing.invokeAction("_public_archive", EntryChanges.context(entry, T0), ADMIN, null, List::of),
                "ed", T0.plusSeconds(4));
        assertThat(archived.after().publicVersion()).isNull();
        assertThat(types(archived)).containsExactly(EntryEvents.WORKFLOW_EVENT_INVOKED, EntryEvents.UNPUBLISHED);
    }

    @Test
    void aDuePublishSchedulePublishesAScheduledEntry() {
        Entry entry = invoke(approval, create(approval).after(), "draft.submit");
        entry = EntryChanges.schedule(entry, approval, true, T0.plusSeconds(60), T0).after();
        entry = EntryChanges.transition(entry, approval.invoke("awaitingApproval.scheduledApprove",
                EntryChanges.context(entry, T0), ADMIN, null, List::of), "boss", T0).after();
        assertThat(entry.workflowState()).isEqualTo("scheduled");
        assertThat(entry.publicVersion()).isNull();
        assertThat(EntryChanges.due(entry, approval, T0.plusSeconds(59))).isEmpty();
        EntryChange due = EntryChanges.due(entry, approval, T0.plusSeconds(61)).orElseThrow();
        assertThat(due.after().workflowState()).isEqualTo("published");
        assertThat(due.after().publicVersion().number()).isEqualTo(2);
        assertThat(due.after().schedules().publish().status()).isEqualTo(ScheduleStatus.DONE);
        assertThat(due.after().schedules().nextDueAt()).isNull();
        assertThat(types(due)).containsExactly(EntryEvents.WORKFLOW_EVENT_INVOKED, EntryEvents.PUBLISHED);
    }

    @Test
    void aPublishScheduleThatPassesUnapprovedIsMissedAndNeverPublishes() {
        Entry entry = invoke(approval, create(approval).after(), "draft.submit");
        entry = EntryChanges.schedule(entry, approval, true, T0.plusSeconds(60), T0).after();
        EntryChange due = EntryChanges.due(entry, approval, T0.plusSeconds(61)).orElseThrow();
        assertThat(due.after().workflowState()).isEqualTo("awaitingApproval");
        assertThat(due.after().publicVersion()).isNull();
        assertThat(due.after().schedules().publish().status()).isEqualTo(ScheduleStatus.MISSED);
        assertThat(due.events()).isEmpty();
        assertThat(due.history()).singleElement().satisfies(h -> assertThat(h.event()).isEqualTo("schedule.missed"));
        // approved late: published now, not scheduled
        Entry late = due.after();
        Transition approve = approval.invokeAction("_awaitingApproval_published",
                EntryChanges.context(late, T0.plusSeconds(70)), ADMIN, null, List::of);
        assertThat(EntryChanges.transition(late, approve, "boss", T0.plusSeconds(70)).after().workflowState())
                .isEqualTo("published");
    }

    @Test
    void aDueUnpublishScheduleWithdrawsThePublicVersion() {
        Entry entry = publish(create(approval).after());
        entry = EntryChanges.schedule(entry, approval, false, T0.plusSeconds(600), T0).after();
        EntryChange due = EntryChanges.due(entry, approval, T0.plusSeconds(601)).orElseThrow();
        assertThat(due.after().publicVersion()).isNull();
        assertThat(due.after().workflowState()).isEqualTo("draft");
        assertThat(types(due)).containsExactly(EntryEvents.WORKFLOW_EVENT_INVOKED, EntryEvents.UNPUBLISHED);
    }

    @Test
    void schedulesMustBeInTheFutureInOrderAndPossibleForTheWorkflow() {
        Entry entry = create(approval).after();
        assertRefused(Invalid.class, () -> EntryChanges.schedule(entry, approval, true, T0.minusSeconds(1), T0));
        Entry withPublish = EntryChanges.schedule(entry, approval, true, T0.plus(Duration.ofHours(2)), T0).after();
        assertRefused(Invalid.class,
                () -> EntryChanges.schedule(withPublish, approval, false, T0.plus(Duration.ofHours(1)), T0));
        assertRefused(Conflict.class,
                () -> EntryChanges.schedule(create(publishing).after(), publishing, true, T0.plusSeconds(10), T0));
        assertRefused(Conflict.class,
                () -> EntryChanges.schedule(create(saved).after(), saved, false, T0.plusSeconds(10), T0));
    }

    @Test
    void removingThePublishDateOfAScheduledEntryCancelsItsPublication() {
        Entry entry = invoke(approval, create(approval).after(), "draft.submit");
        entry = EntryChanges.schedule(entry, approval, true, T0.plusSeconds(60), T0).after();
        entry = invoke(approval, entry, "awaitingApproval.scheduledApprove");
        EntryChange removed = EntryChanges.unschedule(entry, approval, true, "ed", T0.plusSeconds(1));
        assertThat(removed.after().workflowState()).isEqualTo("draft");
        assertThat(removed.after().schedules().publish()).isNull();
        assertThat(removed.history()).singleElement()
                .satisfies(h -> assertThat(h.event()).isEqualTo("scheduled.cancel"));
    }

    @Test
    void movingToAnotherWorkflowKeepsAStateItHasAndOtherwiseTakesItsFirst() {
        Entry draft = create(approval).after();
        assertThat(EntryChanges.migrate(draft, publishing, "designer", T0).after().workflowState()).isEqualTo("draft");
        Entry waiting = invoke(approval, draft, "draft.submit");
        EntryChange moved = EntryChanges.migrate(waiting, publishing, "designer", T0);
        assertThat(moved.after().workflowState()).isEqualTo("draft");
        assertThat(moved.after().workflowId()).isEqualTo("publishing");
        assertThat(EntryChanges.migrate(waiting, saved, "designer", T0).after().workflowState()).isEqualTo("saved");
    }

    private EntryChange create(WorkflowMachine machine) {
        return EntryChanges.create("acme", "e1", post, machine, data("Hello"), "ed", T0);
    }

    private Entry publish(Entry draft) {
        Entry waiting = invoke(approval, draft, "draft.submit");
        return invoke(approval, waiting, "awaitingApproval.approve");
    }

    private static Entry invoke(WorkflowMachine machine, Entry entry, String event) {
        return EntryChanges.transition(entry,
                machine.invoke(event, EntryChanges.context(entry, T0), ADMIN, null, List::of), "ed", T0).after();
    }

    private static Entry invokeAction(WorkflowMachine machine, Entry entry, String action) {
        return EntryChanges.transition(entry,
                machine.invokeAction(action, EntryChanges.context(entry, T0), ADMIN, null, List::of), "ed", T0).after();
    }

    private static List<String> types(EntryChange change) {
        return change.events().stream().map(EntryEvent::type).toList();
    }

    private static ObjectNode data(String title) {
        return JsonNodeFactory.instance.objectNode().put("title", title);
    }

    private static void assertRefused(Class<? extends DomainException> kind, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(kind);
    }
}
