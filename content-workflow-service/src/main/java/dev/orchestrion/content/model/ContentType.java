package dev.orchestrion.content.model;

import java.time.Instant;

/** A content type definition: named per tenant, with the workflow its entries follow. */
public record ContentType(String tenant, String name, String label, String workflowId, long version, Instant createdAt,
        Instant updatedAt) {
}
