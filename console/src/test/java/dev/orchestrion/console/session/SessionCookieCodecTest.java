package dev.orchestrion.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SessionCookieCodecTest {

    private static final Duration IDLE = Duration.ofHours(8);
    private static final Duration MAX = Duration.ofHours(24);
    private static final Instant SIGNED_IN = Instant.parse("2026-12-06T08:00:00Z");
    private static final ConsoleUser ADA = new ConsoleUser("ada@acme", "acme", List.of("operator", "designer"));

    private final SessionCookieCodec codec = new SessionCookieCodec(SessionKeys.random(), IDLE, MAX);

    @Test
    void aSealedSessionOpensAsTheSameUserUntilItIsIdleTooLong() {
        String cookie = codec.seal(codec.start(ADA, "nonce-1", SIGNED_IN));

        SealedSession opened = codec.open(cookie, SIGNED_IN.plus(IDLE).minusSeconds(1)).orElseThrow();
        assertThat(opened.user()).isEqualTo(ADA);
        assertThat(opened.nonce()).isEqualTo("nonce-1");
        assertThat(codec.open(cookie, SIGNED_IN.plus(IDLE))).isEmpty();
    }

    @Test
    void usingASessionMovesItsIdleLimitButNeverPastTheAbsoluteOne() {
        SealedSession session = codec.start(ADA, "n", SIGNED_IN);
        SealedSession used = codec.touch(session, SIGNED_IN.plus(Duration.ofHours(7)));
        assertThat(codec.expiry(used)).isEqualTo(SIGNED_IN.plus(Duration.ofHours(15)));
        assertThat(codec.open(codec.seal(used), SIGNED_IN.plus(Duration.ofHours(14)))).isPresent();

        SealedSession late = codec.touch(used, SIGNED_IN.plus(Duration.ofHours(20)));
        assertThat(codec.expiry(late)).isEqualTo(SIGNED_IN.plus(MAX));
        assertThat(codec.open(codec.seal(late), SIGNED_IN.plus(MAX))).isEmpty();
    }

    @Test
    void aSessionPastItsAbsoluteLimitDoesNotOpenWhateverItsIdleLimitSays() {
        SealedSession forged = new SealedSession("ada@acme", "acme", List.of(), "n", SIGNED_IN.getEpochSecond(),
                SIGNED_IN.plus(Duration.ofDays(3)).getEpochSecond());

        assertThat(codec.open(codec.seal(forged), SIGNED_IN.plus(MAX).plusSeconds(1))).isEmpty();
    }

    @Test
    void aChangedOrForeignCookieOpensAsNothing() {
        String cookie = codec.seal(codec.start(ADA, "n", SIGNED_IN));
        byte[] bytes = Base64.getUrlDecoder().decode(cookie);
        bytes[bytes.length - 5] ^= 1;
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SessionCookieCodec other = new SessionCookieCodec(SessionKeys.random(), IDLE, MAX);

        assertThat(codec.open(changed, SIGNED_IN)).isEmpty();
        assertThat(other.open(cookie, SIGNED_IN)).isEmpty();
        assertThat(codec.open("not base64 at all!", SIGNED_IN)).isEmpty();
        assertThat(codec.open("", SIGNED_IN)).isEmpty();
    }

    @Test
    void csrfTokensAreBoundToTheNonceAndTheSubject() {
        CsrfTokens csrf = new CsrfTokens(SessionKeys.derive(SessionKeys.random(), SessionKeys.CSRF));
        String token = csrf.tokenFor("nonce-1", "ada@acme");

        assertThat(csrf.matches(token, "nonce-1", "ada@acme")).isTrue();
        assertThat(csrf.matches(token, "nonce-2", "ada@acme")).isFalse();
        assertThat(csrf.matches(token, "nonce-1", "bob@acme")).isFalse();
        assertThat(csrf.matches(null, "nonce-1", "ada@acme")).isFalse();
        assertThat(csrf.matches("", "nonce-1", "ada@acme")).isFalse();
    }
}
