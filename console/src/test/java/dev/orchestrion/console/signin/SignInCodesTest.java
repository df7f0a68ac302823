package dev.orchestrion.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orchestrion.console.session.ConsoleUser;

class SignInCodesTest {

    private static final String CODE = "Xk3v9QpL2mN8rT5wY1zA4bC7dE0fG6hJ";
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path dir;

    private SignInCodes codes() {
        return new SignInCodes(dir, Duration.ofMinutes(15));
    }

    private void write(String code, String content) throws IOException {
        Files.writeString(dir.resolve(SignInCodes.fileName(code)), content);
    }

    private static String fields(String tenant, String roles, Instant expiresAt) {
        return "tenant=" + tenant + "\nroles=" + roles + "\nexpires-at=" + expiresAt.getEpochSecond() + "\n";
    }

    @Test
    void aCodeSignsItsUserInOnceAndIsGoneAfterwards() throws IOException {
        write(CODE, fields("acme", "operator, designer", NOW.plusSeconds(300)) + "subject=ada@acme\n");

        assertThat(codes().redeem(CODE, NOW))
                .contains(new ConsoleUser("ada@acme", "acme", List.of("designer", "operator")));
        assertThat(codes().redeem(CODE, NOW)).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void withoutASubjectTheUserIsTheTenantsDeveloper() throws IOException {
        write(CODE, fields("acme", "", NOW.plusSeconds(300)));

        assertThat(codes().redeem(CODE, NOW)).contains(new ConsoleUser("developer@acme", "acme", List.of()));
    }

    @Test
    void anExpiredCodeOrOneValidForTooLongIsRefused() throws IOException {
        write(CODE, fields("acme", "operator", NOW));
        String longLived = CODE.replace('X', 'Y');
        write(longLived, fields("acme", "operator", NOW.plus(Duration.ofHours(1))));

        assertThat(codes().redeem(CODE, NOW)).isEmpty();
        assertThat(codes().redeem(longLived, NOW)).isEmpty();
    }

    @Test
    void malformedCodesAndFilesAreRefused() throws IOException {
        write(CODE, "roles=operator\nexpires-at=" + NOW.plusSeconds(60).getEpochSecond());
        String badRole = CODE.replace('X', 'Z');
        write(badRole, fields("acme", "operator;drop", NOW.plusSeconds(60)));

        assertThat(codes().redeem(CODE, NOW)).as("no tenant").isEmpty();
        assertThat(codes().redeem(badRole, NOW)).isEmpty();
        assertThat(codes().redeem("../../keys/private-key.pem", NOW)).isEmpty();
        assertThat(codes().redeem("short", NOW)).isEmpty();
        assertThat(codes().redeem(null, NOW)).isEmpty();
    }

    @Test
    void codesNobodyRedeemedInTimeAreCleanedUp() throws IOException {
        String stale = CODE.replace('X', 'W');
        write(stale, fields("acme", "operator", NOW.minusSeconds(3600)));
        Files.setLastModifiedTime(dir.resolve(SignInCodes.fileName(stale)),
                java.nio.file.attribute.FileTime.from(NOW.minus(Duration.ofHours(1))));

        codes().redeem(CODE, NOW);

        assertThat(dir).isEmptyDirectory();
    }
}
