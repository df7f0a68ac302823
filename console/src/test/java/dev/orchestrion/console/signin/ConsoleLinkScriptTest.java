package dev.orchestrion.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orchestrion.console.session.ConsoleUser;

/**
 * {@code ./orchestrion console-link} and the console agree: the link's code is redeemed once, for the tenant, roles
 * and subject asked for, from a folder only its owner can enter.
 */
class ConsoleLinkScriptTest {

    @TempDir
    Path data;

    private List<String> consoleLink(String... arguments) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("orchestrion.root", "..")).toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>(
                List.of("bash", root.resolve("orchestrion").toString(), "console-link"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ORCHESTRION_DATA", data.toString());
        builder.environment().put("ORCHESTRION_CONSOLE_PORT", "18080");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    @Test
    void theLinksCodeSignsInTheUserAskedForOnce() throws Exception {
        String link = consoleLink("--tenant", "acme", "--roles", "operator,designer", "--subject", "ada@acme", "--next",
                "/runs/7").get(0);

        URI uri = URI.create(link);
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isEqualTo(18080);
        assertThat(uri.getPath()).isEqualTo("/auth/local");
        assertThat(uri.getQuery()).endsWith("&next=/runs/7");
        String code = uri.getQuery().replaceFirst("^code=([^&]+).*$", "$1");

        Path codes = data.resolve("console/sign-in-codes");
        assertThat(Files.getPosixFilePermissions(codes)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        try (var files = Files.list(codes)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList()).as("the folder holds no code")
                    .containsExactly(SignInCodes.fileName(code));
        }
        SignInCodes console = new SignInCodes(codes, Duration.ofMinutes(15));
        assertThat(console.redeem(code, Instant.now()))
                .contains(new ConsoleUser("ada@acme", "acme", List.of("designer", "operator")));
        assertThat(console.redeem(code, Instant.now())).isEmpty();
    }

    @Test
    void theCodeExpiresWithinTheMinutesAskedFor() throws Exception {
        String link = consoleLink("--tenant", "acme", "--roles", "client", "--minutes", "2").get(0);
        String code = URI.create(link).getQuery().replaceFirst("^code=([^&]+).*$", "$1");

        SignInCodes console = new SignInCodes(data.resolve("console/sign-in-codes"), Duration.ofMinutes(15));
        assertThat(console.redeem(code, Instant.now().plus(Duration.ofMinutes(2)).plusSeconds(5))).isEmpty();
    }
}
