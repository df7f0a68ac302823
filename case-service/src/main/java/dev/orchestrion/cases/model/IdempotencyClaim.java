package dev.orchestrion.cases.model;

import java.time.Instant;

/**
 * What a request with an {@code Idempotency-Key} claims: the key within the tenant, the fingerprint of the request
 * (so that a different request with the same key is refused), and until when the key is remembered.
 */
public record IdempotencyClaim(String key, String requestHash, Instant expiresAt) {
}
