package dev.orchestrion.runner.webhook.model;

import java.time.Instant;

/**
 * A signing secret just issued, in clear: the only time it is shown (it is stored encrypted). The previous one keeps
 * verifying until {@code previousSecretExpiresAt}.
 */
public record IssuedSecret(String secret, Instant previousSecretExpiresAt) {
}
