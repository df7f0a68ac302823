package dev.orchestrion.support.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints the short-lived tokens a service uses to call another service for the tenant of the work at hand: role
 * {@code service}, signed with the key configured in {@code smallrye.jwt.sign.key(.location)}. Tokens are reused until
 * shortly before they expire.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final String serviceName;
    private final Map<String, Minted> byTenant = new ConcurrentHashMap<>();

    public ServiceTokens(@ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.serviceName = serviceName;
    }

    /** A bearer token (without the "Bearer " prefix) for calls made on behalf of {@code tenant}. */
    public String forTenant(String tenant) {
        Instant now = Instant.now();
        Minted minted = byTenant.get(tenant);
        if (minted == null || now.isAfter(minted.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
            Instant expiresAt = now.plus(LIFETIME);
            String token = Jwt.subject("service:" + serviceName).upn("service:" + serviceName)
                    .claim(Caller.TENANT_CLAIM, tenant).groups(Roles.SERVICE).issuedAt(now).expiresAt(expiresAt).sign();
            minted = new Minted(token, expiresAt);
            byTenant.put(tenant, minted);
        }
        return minted.token();
    }

    /** The value of an Authorization header for calls made on behalf of {@code tenant}. */
    public String authorizationFor(String tenant) {
        return "Bearer " + forTenant(tenant);
    }

    private record Minted(String token, Instant expiresAt) {
    }
}
