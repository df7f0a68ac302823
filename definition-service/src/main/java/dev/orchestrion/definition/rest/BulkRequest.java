package dev.orchestrion.definition.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /definitions/bulk}. */
public record BulkRequest(@Schema(enumeration = {
        "duplicate", "export", "delete", "move"}) String action, List<String> ids,
        @Schema(description = "move only: the target folder (null: the top level)") String folderId){
}
