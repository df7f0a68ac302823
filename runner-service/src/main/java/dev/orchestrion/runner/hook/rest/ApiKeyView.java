package dev.orchestrion.runner.hook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An API key as admins see it; {@code key} only in the answer that issues it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(UUID id, String name,
        @Schema(description = "The key itself (send it as X-API-Key), shown only when issued") String key,
        @Schema(description = "The key's first characters, to recognise it") String prefix, List<UUID> definitionIds,
        Instant createdAt, String createdBy, Instant revokedAt) {
}
