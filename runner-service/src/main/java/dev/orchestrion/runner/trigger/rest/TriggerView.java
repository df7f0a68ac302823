package dev.orchestrion.runner.trigger.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.runner.schedule.model.Firing;
import dev.orchestrion.runner.trigger.model.RegisteredTrigger;
import dev.orchestrion.runner.trigger.model.TriggerOverview;

/** A definition that starts on its own, as the runner has registered it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerView(UUID definitionId, String name, String status,
        @Schema(description = "The published version whose trigger this is") Integer version, String kind,
        JsonNode trigger, String exclusiveGroup, Instant activeSince,
        @Schema(description = "http bindings: the path clients call") String hookPath,
        @Schema(description = "schedules: the next tick") Instant nextFireAt,
        @Schema(description = "schedules: the latest decided ticks, newest first") List<FiringView> firings) {

    /** A decided schedule tick: STARTED (with its run), SKIPPED or FAILED (with why), or PENDING. */
    public record FiringView(Instant tick, String status, boolean missed, UUID runId, String reason) {

        static FiringView of(Firing firing) {
            return new FiringView(firing.tick(), firing.status(), firing.missed(), firing.runId(), firing.reason());
        }
    }

    /** The overview as clients see it; an http binding with the path its clients call. */
    public static TriggerView of(TriggerOverview overview) {
        RegisteredTrigger t = overview.trigger();
        String hookPath = "http".equals(t.kind()) ? "/hooks/" + t.tenant() + "/" + t.httpPath() : null;
        return new TriggerView(t.definitionId(), t.name(), t.status(), t.version(), t.kind(), t.trigger(),
                t.exclusiveGroup(), t.activeSince(), hookPath, overview.nextFireAt(),
                overview.firings() == null ? null : overview.firings().stream().map(FiringView::of).toList());
    }
}
