package dev.orchestrion.console.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Seals a local session into a cookie value and opens it again: AES-256-GCM, so the browser can neither read nor
 * change it, and a value that was changed, sealed with another key, or is past either limit opens as nothing.
 */
public final class SessionCookieCodec {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds the ciphertext to its use: a value sealed for anything else never opens as a session. */
    private static final byte[] PURPOSE = "orchestrion-console-session-v1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec key;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final SecureRandom random = new SecureRandom();

    public SessionCookieCodec(byte[] key, Duration idleTimeout, Duration maxLifetime) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The session key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
    }

    /** A new session for {@code user}, signed in at {@code now}. */
    public SealedSession start(ConsoleUser user, String nonce, Instant now) {
        return new SealedSession(user.subject(), user.tenant(), user.roles(), nonce, now.getEpochSecond(),
                idleUntil(now.getEpochSecond(), now));
    }

    /** The same session used at {@code now}: its idle limit moves, never past the absolute one. */
    public SealedSession touch(SealedSession session, Instant now) {
        return new SealedSession(session.subject(), session.tenant(), session.roles(), session.nonce(),
                session.signedInAt(), idleUntil(session.signedInAt(), now));
    }

    /** When the session ends if nothing uses it again. */
    public Instant expiry(SealedSession session) {
        return session.idleExpiry();
    }

    public String seal(SealedSession session) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(PURPOSE);
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(session));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Could not seal the session", e);
        }
    }

    /** The session in {@code value} if it is intact and still valid at {@code now}. */
    public Optional<SealedSession> open(String value, Instant now) {
        if (value == null || value.isEmpty() || value.length() > 8192) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(PURPOSE);
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            SealedSession session = JSON.readValue(plain, SealedSession.class);
            long at = now.getEpochSecond();
            boolean valid = at < session.idleUntil() && at < session.signedInAt() + maxLifetime.toSeconds()
                    && session.signedInAt() <= at + 60;
            return valid ? Optional.of(session) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            // tampered, sealed with another key, or not ours at all: no session
            return Optional.empty();
        }
    }

    private long idleUntil(long signedInAt, Instant now) {
        return Math.min(now.plus(idleTimeout).getEpochSecond(), signedInAt + maxLifetime.toSeconds());
    }
}
