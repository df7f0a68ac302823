package dev.orchestrion.console.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;

import dev.orchestrion.console.config.ConsoleConfig;

/**
 * The bearer token the services get for a session. In production it is the access token the identity provider
 * issued to the user. Locally the console mints a short-lived one for the session's subject, tenant and roles, signed
 * like {@code ./orchestrion token} signs (the local stack's key, {@code smallrye.jwt.sign.key.location}); the
 * browser never sees it.
 */
@ApplicationScoped
public class BearerTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final Duration lifetime;
    private final Map<ConsoleUser, Minted> minted = new ConcurrentHashMap<>();

    public BearerTokens(ConsoleConfig config) {
        this.lifetime = config.signIn().serviceTokenLifetime();
    }

    public String forSession(ConsoleSession session) {
        if (!session.local()) {
            return session.accessToken();
        }
        Instant now = Instant.now();
        Minted token = minted.get(session.user());
        if (token == null || now.isAfter(token.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
            token = mint(session.user(), now);
            minted.put(session.user(), token);
            minted.values().removeIf(other -> now.isAfter(other.expiresAt()));
        }
        return token.token();
    }

    private Minted mint(ConsoleUser user, Instant now) {
        Instant expiresAt = now.plus(lifetime);
        String token = Jwt.subject(user.subject()).upn(user.subject()).claim("tenant", user.tenant())
                .groups(new HashSet<>(user.roles())).issuedAt(now).expiresAt(expiresAt).sign();
        return new Minted(token, expiresAt);
    }

    private record Minted(String token, Instant expiresAt) {
    }
}
