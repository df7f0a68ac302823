package dev.orchestrion.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.orchestrion.console.signin.SignInCodes;

/**
 * The folder the console redeems one-time codes from, and the fixed session key of the test JVM; {@link #issue}
 * writes a code the way {@code ./orchestrion console-link} does.
 */
public class LocalSignInCodes implements QuarkusTestResourceLifecycleManager {

    /** Base64 of 32 bytes: tests seal cookies with it to show what the console does with old or forged ones. */
    public static final String SESSION_KEY = Base64.getEncoder()
            .encodeToString("orchestrion-console-test-key-32b".getBytes(StandardCharsets.US_ASCII));

    private static final SecureRandom RANDOM = new SecureRandom();
    private static Path dir;

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("console-sign-in-codes");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** A code for {@code tenant} and {@code roles}, valid for {@code validFor} (negative: already expired). */
    public static String issue(String tenant, List<String> roles, Duration validFor) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String content = "tenant=" + tenant + "\nroles=" + String.join(",", roles) + "\nsubject=tester@" + tenant
                + "\nexpires-at=" + Instant.now().plus(validFor).getEpochSecond() + "\n";
        try {
            Files.writeString(dir().resolve(SignInCodes.fileName(code)), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return code;
    }

    public static String issue(String tenant, String... roles) {
        return issue(tenant, List.of(roles), Duration.ofMinutes(5));
    }

    @Override
    public Map<String, String> start() {
        return Map.of("orchestrion.console.sign-in.codes-dir", dir().toString(), "orchestrion.console.session.key",
                SESSION_KEY);
    }

    @Override
    public void stop() {
        // the folder is a temporary one
    }
}
