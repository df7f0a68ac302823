package dev.orchestrion.content.mapping;

import java.util.List;

import dev.orchestrion.content.entry.Timestamps;
import dev.orchestrion.content.model.EntryVersion;
import dev.orchestrion.content.model.HistoryRecord;
import dev.orchestrion.content.model.Schedule;
import dev.orchestrion.content.model.Schedules;
import dev.orchestrion.content.rest.AvailableEventResponse;
import dev.orchestrion.content.rest.HistoryRecordResponse;
import dev.orchestrion.content.rest.SchedulesResponse;
import dev.orchestrion.content.rest.VersionResponse;
import dev.orchestrion.content.rest.WorkflowSummaryResponse;
import dev.orchestrion.content.workflow.EntryContext;
import dev.orchestrion.content.workflow.Localized;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.content.workflow.WorkflowMachine.EventRef;

/** Entry versions, audit records, schedules and workflow options to their REST representations. */
public final class EntryMapper {

    private EntryMapper() {
    }

    public static VersionResponse toResponse(EntryVersion v) {
        return new VersionResponse(v.number(), v.versionNo(), v.kind(), Timestamps.format(v.createdAt()), v.createdBy(),
                EntryRenderer.renderVersion(v));
    }

    public static HistoryRecordResponse toResponse(HistoryRecord r) {
        return new HistoryRecordResponse(r.seq(), Timestamps.format(r.at()), r.actor(), r.fromState(), r.event(),
                r.toState(), r.transition(), r.message(), r.auditText());
    }

    public static SchedulesResponse toResponse(Schedules s) {
        return new SchedulesResponse(view(s.publish()), view(s.unpublish()));
    }

    public static AvailableEventResponse toResponse(WorkflowMachine machine, EventRef ref, EntryContext context) {
        return new AvailableEventResponse(ref.key(), machine.permission(ref),
                Localized.text(ref.event().name(), ref.event().id()), ref.event().groupId(),
                machine.nameNow(ref, context), machine.targetNow(ref, context), ref.event().parametersOrEmpty());
    }

    public static WorkflowSummaryResponse toSummary(WorkflowMachine machine) {
        var definition = machine.definition();
        return new WorkflowSummaryResponse(definition.id(), definition.name(), definition.system(),
                definition.aliases() == null ? List.of() : definition.aliases(), machine.firstState(),
                machine.stateIds(), machine.allTransitions());
    }

    private static SchedulesResponse.ScheduleView view(Schedule s) {
        return s == null
                ? null
                : new SchedulesResponse.ScheduleView(Timestamps.format(s.dateTime()), s.status().json(),
                        Timestamps.format(s.settledAt()));
    }
}
