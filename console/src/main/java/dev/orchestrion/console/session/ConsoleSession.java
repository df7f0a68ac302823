package dev.orchestrion.console.session;

import java.time.Instant;

/**
 * A signed-in browser: the user, the nonce its CSRF token is bound to, when the session ends, and the access token
 * the identity provider issued (null for a local session: the console mints service tokens for it).
 */
public record ConsoleSession(ConsoleUser user, String csrfNonce, Instant expiresAt, String accessToken) {

    public boolean local() {
        return accessToken == null;
    }
}
