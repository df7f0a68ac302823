package dev.orchestrion.runner.webhook.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.orchestrion.runner.config.SecretsConfig;
import dev.orchestrion.runner.webhook.model.SigningSecrets;
import dev.orchestrion.support.crypto.CredentialCipher;

/**
 * Encrypts webhook and callback signing secrets for storage and decrypts them to sign, with the shared
 * {@link CredentialCipher} keyed by {@code orchestrion.runner.secrets.encryption-key}. A stored value is
 * {@code v1:<base64 of nonce and AES-256-GCM ciphertext>}, sealed for its owner (the subscription, or the tenant's
 * callbacks); a value without the prefix is a secret stored in clear before secrets were encrypted, used as it is
 * until {@link StoredSecretsEncryption} encrypts it. Decrypted secrets are remembered per stored value, so signing a
 * delivery decrypts nothing after a target's first one.
 */
@Singleton
public class SigningSecretCipher {

    public static final String KEY = "orchestrion.runner.secrets.encryption-key";
    /** Marks an encrypted value, and its format version. */
    public static final String SEALED = "v1:";
    /** Bounds the memory of decrypted secrets; forgetting them all now and then only costs a decryption each. */
    private static final int REMEMBERED = 10_000;

    private final CredentialCipher cipher;
    private final Map<String, String> opened = new ConcurrentHashMap<>();

    @Inject
    public SigningSecretCipher(SecretsConfig config) {
        this(new CredentialCipher(config.encryptionKey(), KEY));
    }

    SigningSecretCipher(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /** The value to store for a secret of {@code owner}. */
    public String seal(String secret, String owner) {
        return SEALED + cipher.encrypt(secret, owner);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SEALED);
    }

    /**
     * The secret a stored value holds; an {@link IllegalStateException} when it does not decrypt (another key, another
     * owner, altered).
     */
    public String open(String stored, String owner) {
        if (!isSealed(stored)) {
            return stored;
        }
        // The owner is part of the key: a value copied to another owner must fail here as it would in the cipher.
        String remembered = owner + '\n' + stored;
        String secret = opened.get(remembered);
        if (secret == null) {
            try {
                secret = cipher.decrypt(stored.substring(SEALED.length()), owner);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("The signing secret cannot be decrypted with the configured key (" + KEY
                        + "); rotate the secret", e);
            }
            if (opened.size() >= REMEMBERED) {
                opened.clear();
            }
            opened.put(remembered, secret);
        }
        return secret;
    }

    /**
     * The secrets that sign a delivery, in clear. The current one must decrypt; a previous one that does not (stored
     * under a key since replaced, then rotated away) is left out, since no receiver can be given its signature.
     */
    public List<String> open(SigningSecrets secrets) {
        List<String> stored = secrets.stored();
        List<String> opened = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            try {
                opened.add(open(stored.get(i), secrets.owner()));
            } catch (IllegalStateException e) {
                if (i == 0) {
                    throw e;
                }
            }
        }
        return opened;
    }
}
