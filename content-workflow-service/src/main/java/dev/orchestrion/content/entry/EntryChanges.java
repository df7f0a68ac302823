package dev.orchestrion.content.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryChange;
import dev.orchestrion.content.model.EntryEvent;
import dev.orchestrion.content.model.EntryVersion;
import dev.orchestrion.content.model.HistoryRecord;
import dev.orchestrion.content.model.PublicVersion;
import dev.orchestrion.content.model.Schedule;
import dev.orchestrion.content.model.ScheduleStatus;
import dev.orchestrion.content.model.Schedules;
import dev.orchestrion.content.model.Timestamps;
import dev.orchestrion.content.workflow.EntryContext;
import dev.orchestrion.content.workflow.SystemStates;
import dev.orchestrion.content.workflow.Transition;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.Invalid;

/**
 * Decides every change of an entry: its new state, and the events, versions and audit records that go with it.
 * Pure: the caller stores the change in one single-document update.
 * <p>
 * A version becomes public only by being published (a {@code sysWorkflow} transition, or entering {@code public}),
 * which also stores it as a new version with the next major number. Editing an entry that is {@code published},
 * {@code public} or {@code scheduled} saves a new draft version in the workflow's first state; the public version
 * stays public until it is unpublished or replaced.
 */
public final class EntryChanges {

    public static final String SCHEDULER = "system:scheduler";

    private EntryChanges() {
    }

    /** Where an entry is, for its workflow's decisions. */
    public static EntryContext context(Entry entry, Instant now) {
        return new EntryContext(entry.workflowState(), entry.scheduledForPublish(now), entry.scheduledForUnpublish(now),
                entry.publicVersion() != null, entry.data());
    }

    public static EntryChange create(String tenant, String id, ContentType type, WorkflowMachine machine,
            ObjectNode data, String actor, Instant now) {
        Entry entry = new Entry(tenant, id, type.name(), machine.id(), data, now, actor, now, null,
                machine.firstState(), 1, VersionNumbers.INITIAL, null, Schedules.NONE, 0, 1);
        HistoryRecord created = new HistoryRecord(1, now, actor, null, "created", machine.firstState(), null, null,
                "Created");
        return new EntryChange(entry, List.of(EntryEvents.created(entry, actor, now)),
                List.of(version(entry, "created", actor)), List.of(created));
    }

    /** A save: a {@link Conflict} when the entry's state does not allow updates. */
    public static EntryChange update(Entry entry, WorkflowMachine machine, ObjectNode data, String actor, Instant now) {
        if (!machine.allowsUpdates(entry.workflowState())) {
            throw new Conflict("Entries in state " + entry.workflowState() + " of workflow " + machine.id()
                    + " may not be updated");
        }
        String state = entry.workflowState();
        boolean startsNewDraft = SystemStates.isPublishedState(state) || SystemStates.SCHEDULED.equals(state);
        String newState = startsNewDraft ? machine.firstState() : state;
        Entry after = entry.with(data, now, newState, entry.latestVersion() + 1,
                VersionNumbers.nextMinor(entry.versionNo()));
        List<HistoryRecord> history = new ArrayList<>();
        if (!newState.equals(state)) {
            after = after.withHistoryCount(entry.historyCount() + 1);
            history.add(new HistoryRecord(after.historyCount(), now, actor, state, "update", newState,
                    WorkflowMachine.transitionName(state, newState), null, "Edited: a new draft was started"));
        }
        return new EntryChange(after,
                List.of(EntryEvents.updated(after, actor, now, FieldDifferences.changedFields(entry.data(), data))),
                List.of(version(after, "saved", actor)), history);
    }

    public static EntryChange delete(Entry entry, String actor, Instant now) {
        Entry after = entry.withDeletedAt(now);
        return new EntryChange(after, List.of(EntryEvents.deleted(after, actor, now)), List.of(), List.of());
    }

    /** Applies a decided workflow transition. */
    public static EntryChange transition(Entry entry, Transition transition, String actor, Instant now) {
        Entry after = entry.withState(transition.toState());
        List<EntryEvent> followUps = new ArrayList<>();
        List<EntryVersion> versions = new ArrayList<>();
        if (transition.publishes()) {
            after = publish(after, now);
            versions.add(version(after, "published", actor));
            Schedule publish = after.schedules().publish();
            if (publish != null && publish.dueAt(now)) {
                // Its date passed before the entry got here: it was missed, and publishing now settles it.
                after = after.withSchedules(after.schedules().withPublish(publish.settled(ScheduleStatus.MISSED, now)));
            }
            followUps.add(EntryEvents.published(after, actor, now));
        }
        if (transition.unpublishes() && entry.publicVersion() != null) {
            after = after.withPublicVersion(null);
            followUps.add(EntryEvents.unpublished(after, actor, now));
        }
        if (transition.cancelsPublishSchedule() && after.schedules().publish() != null
                && after.schedules().publish().pending()) {
            after = after.withSchedules(
                    after.schedules().withPublish(after.schedules().publish().settled(ScheduleStatus.CANCELLED, now)));
        }
        after = after.withHistoryCount(entry.historyCount() + 1);
        HistoryRecord record = new HistoryRecord(after.historyCount(), now, actor, transition.fromState(),
                transition.event(), transition.toState(), transition.name(), transition.message(),
                transition.auditText());
        List<EntryEvent> events = new ArrayList<>();
        events.add(EntryEvents.invoked(after, actor, now, transition));
        events.addAll(followUps);
        return new EntryChange(after, events, versions, List.of(record));
    }

    /**
     * What the scheduler does with an entry whose schedule is due: publish an entry waiting in {@code scheduled}
     * (anything else means it was not approved in time: the schedule is flagged missed), and unpublish an entry
     * that has a public version. Empty when nothing is due.
     */
    public static Optional<EntryChange> due(Entry entry, WorkflowMachine machine, Instant now) {
        Entry after = entry;
        List<EntryEvent> events = new ArrayList<>();
        List<EntryVersion> versions = new ArrayList<>();
        List<HistoryRecord> history = new ArrayList<>();
        Schedule publish = entry.schedules().publish();
        if (publish != null && publish.dueAt(now)) {
            if (SystemStates.SCHEDULED.equals(after.workflowState())) {
                String from = after.workflowState();
                after = publish(after.withState(SystemStates.PUBLISHED), now);
                after = after.withSchedules(after.schedules().withPublish(publish.settled(ScheduleStatus.DONE, now)));
                versions.add(version(after, "published", SCHEDULER));
                after = record(after, history, now, SCHEDULER, from, "schedule.publish", SystemStates.PUBLISHED,
                        "Published on schedule");
                events.add(EntryEvents.invoked(after, SCHEDULER, now, "schedule.publish", from, SystemStates.PUBLISHED,
                        null));
                events.add(EntryEvents.published(after, SCHEDULER, now));
            } else {
                after = after.withSchedules(after.schedules().withPublish(publish.settled(ScheduleStatus.MISSED, now)));
                after = record(after, history, now, SCHEDULER, after.workflowState(), "schedule.missed",
                        after.workflowState(), "Publish schedule " + Timestamps.format(publish.dateTime())
                                + " missed: the entry was not approved for publishing in time");
            }
        }
        Schedule unpublish = after.schedules().unpublish();
        if (unpublish != null && unpublish.dueAt(now)) {
            if (after.publicVersion() != null) {
                String from = after.workflowState();
                String to = SystemStates.isPublishedState(from) ? machine.firstState() : from;
                after = after.withState(to).withPublicVersion(null)
                        .withSchedules(after.schedules().withUnpublish(unpublish.settled(ScheduleStatus.DONE, now)));
                after = record(after, history, now, SCHEDULER, from, "schedule.unpublish", to,
                        "Unpublished on schedule");
                events.add(EntryEvents.invoked(after, SCHEDULER, now, "schedule.unpublish", from, to, null));
                events.add(EntryEvents.unpublished(after, SCHEDULER, now));
            } else {
                after = after
                        .withSchedules(after.schedules().withUnpublish(unpublish.settled(ScheduleStatus.MISSED, now)));
                after = record(after, history, now, SCHEDULER, after.workflowState(), "schedule.missed",
                        after.workflowState(), "Unpublish schedule " + Timestamps.format(unpublish.dateTime())
                                + " missed: the entry had no public version");
            }
        }
        if (after == entry) {
            return Optional.empty();
        }
        return Optional.of(new EntryChange(after, events, versions, history));
    }

    /**
     * Sets a publish or unpublish date: {@link Invalid} unless in the future and in order, a {@link Conflict} if the
     * workflow cannot do it.
     */
    public static EntryChange schedule(Entry entry, WorkflowMachine machine, boolean publish, Instant dateTime,
            Instant now) {
        if (dateTime == null || !dateTime.isAfter(now)) {
            throw Invalid.field("dateTime", "must be in the future");
        }
        if (publish && !machine.usesSysWorkflow()) {
            throw new Conflict("Workflow " + machine.id()
                    + " does not publish through sysWorkflow, so its entries cannot have a publish schedule");
        }
        if (!publish && !machine.publishes()) {
            throw new Conflict(
                    "Workflow " + machine.id() + " never publishes, so its entries cannot have an unpublish schedule");
        }
        Schedules schedules = publish
                ? entry.schedules().withPublish(Schedule.pending(dateTime))
                : entry.schedules().withUnpublish(Schedule.pending(dateTime));
        Schedule p = schedules.publish();
        Schedule u = schedules.unpublish();
        if (p != null && u != null && p.pending() && u.pending() && !u.dateTime().isAfter(p.dateTime())) {
            throw Invalid.field("dateTime",
                    "the unpublish date must come after the publish date " + Timestamps.format(p.dateTime()));
        }
        return new EntryChange(entry.withSchedules(schedules), List.of(), List.of(), List.of());
    }

    /**
     * Removes a schedule. Removing the publish date of an entry waiting in {@code scheduled} cancels its
     * publication: the entry returns to the first state and must be approved again.
     */
    public static EntryChange unschedule(Entry entry, WorkflowMachine machine, boolean publish, String actor,
            Instant now) {
        if (!publish) {
            return new EntryChange(entry.withSchedules(entry.schedules().withUnpublish(null)), List.of(), List.of(),
                    List.of());
        }
        if (SystemStates.SCHEDULED.equals(entry.workflowState())) {
            Transition cancel = machine.invoke(SystemStates.SCHEDULED + "." + SystemStates.CANCEL_EVENT,
                    context(entry, now), WorkflowMachine.ALWAYS_ALLOWED, null, List::of);
            EntryChange cancelled = transition(entry, cancel, actor, now);
            return new EntryChange(cancelled.after().withSchedules(cancelled.after().schedules().withPublish(null)),
                    cancelled.events(), cancelled.versions(), cancelled.history());
        }
        return new EntryChange(entry.withSchedules(entry.schedules().withPublish(null)), List.of(), List.of(),
                List.of());
    }

    /** Moves an entry to its type's new workflow: it keeps its state if the new workflow has it, else the first. */
    public static EntryChange migrate(Entry entry, WorkflowMachine target, String actor, Instant now) {
        String from = entry.workflowState();
        String to = target.hasState(from) ? from : target.firstState();
        Entry after = entry.withWorkflow(target.id(), to);
        List<HistoryRecord> history = new ArrayList<>();
        after = record(after, history, now, actor, from, "workflow.changed", to,
                "Workflow changed from " + entry.workflowId() + " to " + target.id());
        return new EntryChange(after,
                List.of(EntryEvents.invoked(after, actor, now, "workflow.changed", from, to, null)), List.of(),
                history);
    }

    private static Entry record(Entry after, List<HistoryRecord> history, Instant now, String actor, String from,
            String event, String to, String text) {
        Entry counted = after.withHistoryCount(after.historyCount() + 1);
        history.add(new HistoryRecord(counted.historyCount(), now, actor, from, event, to,
                from.equals(to) ? null : WorkflowMachine.transitionName(from, to), null, text));
        return counted;
    }

    /** The entry's current fields become a new, public version with the next major number. */
    private static Entry publish(Entry entry, Instant now) {
        int number = entry.latestVersion() + 1;
        String versionNo = VersionNumbers.nextMajor(entry.versionNo());
        Entry saved = entry.with(entry.data(), now, entry.workflowState(), number, versionNo);
        return saved.withPublicVersion(
                new PublicVersion(number, versionNo, now, entry.workflowState(), entry.data().deepCopy()));
    }

    private static EntryVersion version(Entry entry, String kind, String actor) {
        PublicVersion pub = entry.publicVersion();
        return new EntryVersion(entry.tenant(), entry.id(), entry.contentType(), entry.latestVersion(),
                entry.versionNo(), kind, entry.updatedAt(), actor, entry.workflowState(), entry.createdAt(),
                pub == null ? null : pub.number(), pub == null ? null : pub.publishedAt(), entry.data().deepCopy());
    }
}
