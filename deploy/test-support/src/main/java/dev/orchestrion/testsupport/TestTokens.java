package dev.orchestrion.testsupport;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import dev.orchestrion.localstack.SigningKeys;
import dev.orchestrion.localstack.Tokens;

/** Bearer tokens for tests, signed with a key pair generated once per test JVM (never stored anywhere). */
public final class TestTokens {

    public static final String ISSUER = Tokens.DEFAULT_ISSUER;

    private static final KeyPair KEYS = SigningKeys.generate();

    private TestTokens() {
    }

    /** A one-hour token for a user of {@code tenant} with {@code roles}. */
    public static String token(String tenant, String... roles) {
        return Tokens.mint(KEYS.getPrivate(), ISSUER, "tester@" + tenant, tenant, List.of(roles), Duration.ofHours(1));
    }

    /** A one-hour token for the user {@code subject} of {@code tenant} with {@code roles}. */
    public static String tokenOf(String subject, String tenant, String... roles) {
        return Tokens.mint(KEYS.getPrivate(), ISSUER, subject, tenant, List.of(roles), Duration.ofHours(1));
    }

    /** A token whose signature the services must reject: signed with another key. */
    public static String tokenSignedByAStranger(String tenant, String... roles) {
        return Tokens.mint(SigningKeys.generate().getPrivate(), ISSUER, "mallory@" + tenant, tenant, List.of(roles),
                Duration.ofHours(1));
    }

    /** A token that expired a minute ago. */
    public static String expiredToken(String tenant, String... roles) {
        return Tokens.mint(KEYS.getPrivate(), ISSUER, "tester@" + tenant, tenant, List.of(roles),
                Duration.ofMinutes(-1));
    }

    public static String publicKeyPem() {
        return SigningKeys.pem("PUBLIC KEY", KEYS.getPublic().getEncoded());
    }

    public static String privateKeyPem() {
        return SigningKeys.pem("PRIVATE KEY", KEYS.getPrivate().getEncoded());
    }
}
