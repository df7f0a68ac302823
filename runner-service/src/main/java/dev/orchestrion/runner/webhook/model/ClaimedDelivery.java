package dev.orchestrion.runner.webhook.model;

import java.util.UUID;

/**
 * A delivery a worker holds the lease of and is about to attempt: where to send what, signed with which secrets (as
 * stored: they are decrypted when the delivery is signed).
 * {@code roundAttempts} counts the attempts since it was created or last redelivered (the retry budget);
 * {@code traceparent} is the trace of the run event it carries (null when tracing is off).
 */
public record ClaimedDelivery(UUID id, String tenant, String target, String url, String payload, int roundAttempts,
        UUID leaseToken, SigningSecrets secrets, String traceparent) {
}
