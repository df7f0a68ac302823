package dev.orchestrion.console.session;

import java.time.Instant;
import java.util.List;

/**
 * What a local session cookie holds, sealed: the user, the CSRF nonce, when it was signed in (for the absolute
 * limit) and until when it is valid if unused (the sliding limit).
 */
public record SealedSession(String subject, String tenant, List<String> roles, String nonce, long signedInAt,
        long idleUntil) {

    public ConsoleUser user() {
        return new ConsoleUser(subject, tenant, roles);
    }

    public Instant signedIn() {
        return Instant.ofEpochSecond(signedInAt);
    }

    public Instant idleExpiry() {
        return Instant.ofEpochSecond(idleUntil);
    }
}
