package dev.orchestrion.runner.config;

import io.smallrye.config.ConfigMapping;

/** How runner-service keeps secrets at rest ({@code orchestrion.runner.secrets.*}). */
@ConfigMapping(prefix = "orchestrion.runner.secrets")
public interface SecretsConfig {

    /**
     * Base64 of the 32-byte AES key that encrypts webhook and callback signing secrets at rest
     * ({@code ORCHESTRION_RUNNER_SECRETS_ENCRYPTION_KEY}). Required in production.
     */
    String encryptionKey();
}
