package dev.orchestrion.content.rest;

import java.util.List;

import dev.orchestrion.content.model.workflow.EventParameter;

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
}
