package dev.orchestrion.cases.model;

import java.util.UUID;

/** A remembered Idempotency-Key: the request it was first used with and the answer that request got. */
public record IdempotencyRecord(String requestHash, UUID resourceId, int status) {
}
