package dev.orchestrion.support.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token verifier every service uses, remembering tokens it has verified. Clients reuse a token for many
 * requests, and verifying its RSA signature was the largest single cost of a request (37 % of case-service's Java
 * time under load). A token is verified in full the first time; afterwards the same text is answered from memory
 * until the earlier of its expiry and {@code orchestrion.security.token-cache.ttl}. Only successfully verified tokens
 * are remembered (a refused or tampered token is a different text and is verified, and refused, every time); the
 * cache holds at most {@code orchestrion.security.token-cache.size} tokens and is emptied when full.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private record Verified(JsonWebToken token, Instant until) {
    }

    private final JWTParser verifier;
    private final Clock clock;
    private final int size;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokenCache(DefaultJWTParser verifier,
            @ConfigProperty(name = "orchestrion.security.token-cache.size", defaultValue = "10000") int size,
            @ConfigProperty(name = "orchestrion.security.token-cache.ttl", defaultValue = "PT5M") Duration ttl) {
        this(verifier, Clock.systemUTC(), size, ttl);
    }

    VerifiedTokenCache(JWTParser verifier, Clock clock, int size, Duration ttl) {
        this.verifier = verifier;
        this.clock = clock;
        this.size = size;
        this.ttl = ttl;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.token();
        }
        JsonWebToken parsed = verifier.parse(token);
        remember(token, parsed, now);
        return parsed;
    }

    private void remember(String text, JsonWebToken parsed, Instant now) {
        if (size <= 0) {
            return;
        }
        Instant until = now.plus(ttl);
        long expiresAt = parsed.getExpirationTime();
        if (expiresAt > 0 && Instant.ofEpochSecond(expiresAt).isBefore(until)) {
            until = Instant.ofEpochSecond(expiresAt);
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= size) {
            dropExpired(now);
            if (verified.size() >= size) {
                verified.clear(); // many distinct live tokens: start over rather than track recency per request
            }
        }
        verified.put(text, new Verified(parsed, until));
    }

    private void dropExpired(Instant now) {
        for (Iterator<Verified> it = verified.values().iterator(); it.hasNext();) {
            if (!now.isBefore(it.next().until())) {
                it.remove();
            }
        }
    }

    /** How many verified tokens are remembered now. */
    int remembered() {
        return verified.size();
    }

    // The calls below verify with keys or settings other than the service's own: never cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
