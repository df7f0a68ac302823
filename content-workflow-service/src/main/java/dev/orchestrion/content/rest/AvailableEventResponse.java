package dev.orchestrion.content.rest;

import java.util.List;

import dev.orchestrion.content.model.workflow.EventParameter;
import dev.orchestrion.content.workflow.EntryContext;
import dev.orchestrion.content.workflow.Localized;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.content.workflow.WorkflowMachine.EventRef;

/**
 * An event the caller may invoke on the entry now.
 *
 * @param event {@code state.event}, what {@code POST .../workflow/events} takes
 * @param permission {@code workflowId.state.event}
 * @param transition the same move as a transition name, what {@code PUT /api/v1/workflow/{type}/{id}} takes
 * @param to the state the entry would show afterwards
 */
public record AvailableEventResponse(String event, String permission, String name, String groupId, String transition,
        String to, List<EventParameter> parameters) {

    /** The event as the caller may invoke it on an entry where it is now. */
    public static AvailableEventResponse of(WorkflowMachine machine, EventRef ref, EntryContext context) {
        return new AvailableEventResponse(ref.key(), machine.permission(ref),
                Localized.text(ref.event().name(), ref.event().id()), ref.event().groupId(),
                machine.nameNow(ref, context), machine.targetNow(ref, context), ref.event().parametersOrEmpty());
    }
}
