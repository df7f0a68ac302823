package dev.orchestrion.content.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stored version of an entry: its fields and {@code internal} values as they were.
 *
 * @param number the integer version (seed 004)
 * @param versionNo seed 003's number
 * @param kind {@code created}, {@code saved} or {@code published}
 * @param createdAt when this version was made (its {@code updatedAt})
 * @param publicVersion the entry's public version at that time, or null
 * @param publishedAt when that public version was published, or null
 */
public record EntryVersion(String tenant, String entryId, String contentType, int number, String versionNo, String kind,
        Instant createdAt, String createdBy, String workflowState, Instant entryCreatedAt, Integer publicVersion,
        Instant publishedAt, ObjectNode data) {
}
