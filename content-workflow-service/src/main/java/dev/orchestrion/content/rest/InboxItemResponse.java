package dev.orchestrion.content.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.mapping.EntryRenderer;
import dev.orchestrion.content.service.InboxService.InboxItem;
import dev.orchestrion.content.workflow.Localized;
import dev.orchestrion.content.workflow.WorkflowMachine.EventRef;

/** An entry in the workflow inbox: the entry, what of its state waits for the roles, and how it differs from public. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InboxItemResponse(
        @Schema(description = "The entry as GET /api/v1/content/{type}/{id} shows it (internal.contentType, internal.workflowPublicVersion and internal.latestVersion name the versions to compare)") ObjectNode entry,
        @Schema(description = "The events of the entry's state that wait for the roles asked for") List<AwaitedEvent> awaiting,
        @Schema(description = "The top-level fields whose latest version differs from the public version (GET .../version/compare?from=<workflowPublicVersion>&to=<latestVersion> has the values); null while nothing is public") List<String> changedFields) {

    /**
     * An event that waits for the roles.
     *
     * @param event {@code state.event}, what {@code POST .../workflow/events} takes
     * @param invokableNow whether the caller may invoke it now (its roles and its conditions)
     */
    public record AwaitedEvent(String event, String name, String groupId, List<String> roles, boolean invokableNow,
            String transition, String to) {
    }

    public static InboxItemResponse of(InboxItem item, Set<String> callerRoles, Instant now) {
        List<AwaitedEvent> awaiting = item.awaiting().stream().map(awaited -> {
            EventRef ref = awaited.ref();
            return new AwaitedEvent(ref.key(), Localized.text(ref.event().name(), ref.event().id()),
                    ref.event().groupId(), ref.event().roles() == null ? List.of() : ref.event().roles(),
                    awaited.invokableNow(), awaited.transition(), awaited.to());
        }).toList();
        return new InboxItemResponse(EntryRenderer.render(item.entry(), item.machine(), callerRoles, now), awaiting,
                item.changedFields());
    }
}
