package dev.orchestrion.definition.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.orchestrion.support.crypto.CredentialCipher;

/**
 * The cipher of connection credentials at rest (the shared {@link CredentialCipher}), keyed with
 * {@code orchestrion.connections.encryption-key}.
 */
@Singleton
public class ConnectionsCipher {

    @Produces
    @Singleton
    CredentialCipher connectionsCipher(ConnectionsConfig config) {
        return new CredentialCipher(config.encryptionKey(), "orchestrion.connections.encryption-key");
    }
}
