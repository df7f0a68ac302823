package dev.orchestrion.content.model;

import java.time.Instant;
import java.util.List;

/**
 * A content type definition: named per tenant, with the fields its entries carry and the workflow they follow
 * ({@code workflowId} as the client gave it; aliases of built-ins are resolved when used).
 *
 * @param id a UUID (seed 004 sends one; generated otherwise)
 * @param migrationPending entries still follow a previous workflow and are being moved to this one
 */
public record ContentType(String tenant, String name, String id, String label, String workflowId,
        List<ContentField> fields, long version, Instant createdAt, Instant updatedAt, boolean migrationPending) {

    public ContentType withMigrationPending(boolean pending) {
        return new ContentType(tenant, name, id, label, workflowId, fields, version, createdAt, updatedAt, pending);
    }
}
