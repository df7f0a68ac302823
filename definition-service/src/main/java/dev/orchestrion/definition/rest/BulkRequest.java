package dev.orchestrion.definition.rest;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orchestrion.definition.service.BulkService;

/** The body of {@code POST /definitions/bulk}. */
public record BulkRequest(@Schema(enumeration = {
        "duplicate", "export", "delete",
        "move"}) @NotNull(message = ACTION_RULE) @Pattern(regexp = "duplicate|export|delete|move", message = ACTION_RULE) String action,
        @NotEmpty(message = "must list at least one definition id") @Size(max = BulkService.MAX_ITEMS, message = "at most "
                + BulkService.MAX_ITEMS + " per request") List<String> ids,
        @Schema(description = "move only: the target folder (null: the top level)") String folderId){

    static final String ACTION_RULE = "must be one of [duplicate, export, delete, move]";
}
