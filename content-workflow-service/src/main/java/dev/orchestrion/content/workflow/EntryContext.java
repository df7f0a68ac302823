package dev.orchestrion.content.workflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the workflow needs to know about an entry to decide which events are invokable.
 *
 * @param state the entry's workflow state
 * @param scheduledForPublish a publish schedule is pending and in the future
 * @param scheduledForUnpublish an unpublish schedule is pending and in the future
 * @param hasPublicVersion some version of the entry is public
 * @param data the entry's fields
 */
public record EntryContext(String state, boolean scheduledForPublish, boolean scheduledForUnpublish,
        boolean hasPublicVersion, JsonNode data) {
}
