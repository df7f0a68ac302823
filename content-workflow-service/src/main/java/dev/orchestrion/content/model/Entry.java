package dev.orchestrion.content.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A content entry as stored: its fields, its workflow position, its versions' numbering, the public version (a
 * snapshot taken when it was published) and its schedules.
 *
 * @param workflowId the (canonical) workflow the entry follows
 * @param createdBy the subject of who created it (its author; null for entries stored before authors were kept)
 * @param latestVersion the integer number of its latest version (seed 004)
 * @param versionNo the latest version in seed 003's style: 0.1 on create, minor +1 per save, next major on publish
 * @param publicVersion the version that is public, or null
 * @param revision bumped by every change; updates filter on it (optimistic concurrency)
 * @param historyCount how many audit records the entry has
 */
public record Entry(String tenant, String id, String contentType, String workflowId, ObjectNode data, Instant createdAt,
        String createdBy, Instant updatedAt, Instant deletedAt, String workflowState, int latestVersion,
        String versionNo, PublicVersion publicVersion, Schedules schedules, long revision, int historyCount) {

    public boolean deleted() {
        return deletedAt != null;
    }

    public Entry with(ObjectNode newData, Instant newUpdatedAt, String newState, int newLatestVersion,
            String newVersionNo) {
        return new Entry(tenant, id, contentType, workflowId, newData, createdAt, createdBy, newUpdatedAt, deletedAt,
                newState, newLatestVersion, newVersionNo, publicVersion, schedules, revision, historyCount);
    }

    public Entry withState(String newState) {
        return new Entry(tenant, id, contentType, workflowId, data, createdAt, createdBy, updatedAt, deletedAt,
                newState, latestVersion, versionNo, publicVersion, schedules, revision, historyCount);
    }

    public Entry withWorkflow(String newWorkflowId, String newState) {
        return new Entry(tenant, id, contentType, newWorkflowId, data, createdAt, createdBy, updatedAt, deletedAt,
                newState, latestVersion, versionNo, publicVersion, schedules, revision, historyCount);
    }

    public Entry withPublicVersion(PublicVersion newPublicVersion) {
        return new Entry(tenant, id, contentType, workflowId, data, createdAt, createdBy, updatedAt, deletedAt,
                workflowState, latestVersion, versionNo, newPublicVersion, schedules, revision, historyCount);
    }

    public Entry withSchedules(Schedules newSchedules) {
        return new Entry(tenant, id, contentType, workflowId, data, createdAt, createdBy, updatedAt, deletedAt,
                workflowState, latestVersion, versionNo, publicVersion, newSchedules, revision, historyCount);
    }

    public Entry withDeletedAt(Instant at) {
        return new Entry(tenant, id, contentType, workflowId, data, createdAt, createdBy, updatedAt, at, workflowState,
                latestVersion, versionNo, publicVersion, schedules, revision, historyCount);
    }

    public Entry withHistoryCount(int count) {
        return new Entry(tenant, id, contentType, workflowId, data, createdAt, createdBy, updatedAt, deletedAt,
                workflowState, latestVersion, versionNo, publicVersion, schedules, revision, count);
    }

    public boolean scheduledForPublish(Instant now) {
        return schedules.publish() != null && schedules.publish().pendingAfter(now);
    }

    public boolean scheduledForUnpublish(Instant now) {
        return schedules.unpublish() != null && schedules.unpublish().pendingAfter(now);
    }
}
