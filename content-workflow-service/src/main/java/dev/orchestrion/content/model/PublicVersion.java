package dev.orchestrion.content.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The version of an entry that is public, as it was when published: {@code x-visibility: public} shows this, never
 * later edits.
 *
 * @param number its integer version ({@code workflowPublicVersion})
 * @param publishedAt when it became public ({@code workflowPublishedAt}, also that version's {@code updatedAt})
 * @param workflowState the state it was published into ({@code published} or {@code public})
 */
public record PublicVersion(int number, String versionNo, Instant publishedAt, String workflowState, ObjectNode data) {
}
