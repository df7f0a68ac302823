package dev.orchestrion.console.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of a session: an HMAC of the session's nonce and subject under the console's key. The SPA reads it
 * from {@code /auth/me} (another origin cannot) and sends it as {@code X-CSRF-Token} with every non-GET request.
 */
public final class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";

    private final SecretKeySpec key;

    public CsrfTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String tokenFor(String nonce, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((nonce + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code header} is the token of this nonce and subject (compared in constant time). */
    public boolean matches(String header, String nonce, String subject) {
        if (header == null || nonce == null || subject == null) {
            return false;
        }
        return MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                tokenFor(nonce, subject).getBytes(StandardCharsets.UTF_8));
    }
}
