package dev.orchestrion.definition.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of the lifecycle actions: the revision acted on and, for start, a date to start at. */
public record LifecycleRequest(
        @Schema(description = "start only: start at this instant (a scheduled start)") Instant at,
        @Schema(description = "the revision acted on (alternative to If-Match)") Long revision) {
}
