package dev.orchestrion.console.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The console's master key (configured, or made for this process) and the keys derived from it, one per purpose. */
public final class SessionKeys {

    public static final String COOKIE = "session-cookie";
    public static final String CSRF = "csrf-token";

    private SessionKeys() {
    }

    /** The configured base64 key (at least 32 bytes), or empty when none is configured. */
    public static Optional<byte[]> decode(Optional<String> configured) {
        if (configured.isEmpty() || configured.get().isBlank()) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.get().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("orchestrion.console.session.key is not base64", e);
        }
        if (key.length < 32) {
            throw new IllegalStateException("orchestrion.console.session.key must hold at least 32 bytes");
        }
        return Optional.of(key);
    }

    public static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A key for one purpose, so that the cookie and the CSRF tokens never share one. */
    public static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
