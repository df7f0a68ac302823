package dev.orchestrion.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/** The verified-token cache over the real verifier: what it answers from memory, and what it always verifies. */
class VerifiedTokenCacheTest {

    private static final String ISSUER = "https://orchestrion.dev/test";
    private static final KeyPair KEYS = keys();

    /** The real verifier, counting full verifications. */
    static final class CountingVerifier extends DefaultJWTParser {

        final AtomicInteger verifications = new AtomicInteger();

        CountingVerifier() {
            super(new JWTAuthContextInfo(KEYS.getPublic(), ISSUER));
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    }

    static final class MovableClock extends Clock {

        Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();
    private final MovableClock clock = new MovableClock();

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromMemory() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 100, Duration.ofMinutes(5));
        String token = token("ada", Duration.ofHours(1));

        JsonWebToken first = cache.parse(token);
        JsonWebToken second = cache.parse(token);

        assertThat(first.getSubject()).isEqualTo("ada");
        assertThat(second.getSubject()).isEqualTo("ada");
        assertThat(verifier.verifications).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItExpiresOrTheCacheTimeIsUp() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 100, Duration.ofMinutes(5));
        String shortLived = token("ada", Duration.ofSeconds(90));
        String longLived = token("grace", Duration.ofHours(1));
        cache.parse(shortLived);
        cache.parse(longLived);

        clock.now = clock.now.plusSeconds(91); // past the short token's expiry, within the cache time
        cache.parse(shortLived); // the verifier's own clock has not moved: it accepts, but it was asked
        cache.parse(longLived);
        assertThat(verifier.verifications).as("only the expired token verified again").hasValue(3);

        clock.now = clock.now.plus(Duration.ofMinutes(5)); // past the cache time
        cache.parse(longLived);
        assertThat(verifier.verifications).hasValue(4);
    }

    @Test
    void aTamperedTokenIsRefusedEveryTime() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 100, Duration.ofMinutes(5));
        String token = token("ada", Duration.ofHours(1));
        cache.parse(token);
        String[] parts = token.split("\\.");
        String otherSubject = token("mallory", Duration.ofHours(1)).split("\\.")[1];
        String tampered = parts[0] + "." + otherSubject + "." + parts[2];

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.parse(tampered)).isInstanceOf(ParseException.class);
        }
        assertThat(verifier.verifications).hasValue(3);
        assertThat(cache.remembered()).isEqualTo(1);
    }

    @Test
    void theCacheHoldsAtMostItsSize() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 2, Duration.ofMinutes(5));
        for (String subject : new String[]{"a", "b", "c", "d", "e"}) {
            cache.parse(token(subject, Duration.ofHours(1)));
            assertThat(cache.remembered()).isBetween(1, 2);
        }
    }

    private String token(String subject, Duration life) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromMilliseconds(clock.now.toEpochMilli()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromMilliseconds(clock.now.plus(life).toEpochMilli()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEYS.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
