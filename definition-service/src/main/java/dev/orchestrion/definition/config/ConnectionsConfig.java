package dev.orchestrion.definition.config;

import io.smallrye.config.ConfigMapping;

/** Settings of connections ({@code orchestrion.connections.*}). */
@ConfigMapping(prefix = "orchestrion.connections")
public interface ConnectionsConfig {

    /** Base64 of the 32-byte AES key that encrypts credentials at rest. Required in production. */
    String encryptionKey();
}
