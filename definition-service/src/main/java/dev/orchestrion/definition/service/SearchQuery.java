package dev.orchestrion.definition.service;

import java.time.Instant;
import java.util.List;

/**
 * A search over the tenant's definitions, as a client asks it. {@code folderId} {@code root} means "in no folder";
 * {@code sort} is {@code priority}, {@code name} or {@code updated}, prefixed with {@code -} for descending.
 */
public record SearchQuery(String text, List<String> statuses, String folderId, boolean includeSubfolders,
        String triggerKind, String tag, Instant updatedFrom, Instant updatedTo, String sort) {
}
