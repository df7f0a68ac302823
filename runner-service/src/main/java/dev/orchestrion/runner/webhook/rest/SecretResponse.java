package dev.orchestrion.runner.webhook.rest;

import java.time.Instant;

/** A new signing secret, shown once; the old one verifies until {@code previousSecretExpiresAt}. */
public record SecretResponse(String secret, Instant previousSecretExpiresAt) {
}
