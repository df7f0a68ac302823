package dev.orchestrion.console.signin;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import dev.orchestrion.console.session.ConsoleUser;

/**
 * One-time sign-in codes that {@code ./orchestrion console-link} leaves in a folder of the data directory: one file
 * per code, named by the SHA-256 of the code (the folder never holds a usable code), holding the tenant, roles,
 * subject and expiry. Redeeming deletes the file first, so a code works once even when two requests race for it,
 * and across console restarts. Whoever can write that folder can already read the local signing key beside it.
 *
 * <pre>
 * tenant=demo
 * roles=admin,operator
 * subject=developer@demo
 * expires-at=1733500000   (epoch seconds)
 * </pre>
 */
public final class SignInCodes {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{20,128}");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Path dir;
    private final Duration maxLifetime;

    public SignInCodes(Path dir, Duration maxLifetime) {
        this.dir = dir;
        this.maxLifetime = maxLifetime;
    }

    /** The user the code signs in, once: empty for an unknown, used, expired or malformed code. */
    public Optional<ConsoleUser> redeem(String code, Instant now) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(fileName(code));
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
            // the delete decides who redeems: of two racing requests only one deletes the file
            Files.delete(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the sign-in code folder " + dir, e);
        } finally {
            removeExpired(now);
        }
        return parse(content, now);
    }

    /** The file a code lives in: the hex SHA-256 of the code. */
    public static String fileName(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<ConsoleUser> parse(String content, Instant now) {
        Properties fields = new Properties();
        try {
            fields.load(new StringReader(content));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Instant> expiresAt = epochSeconds(fields.getProperty("expires-at"));
        if (expiresAt.isEmpty() || !now.isBefore(expiresAt.get()) || expiresAt.get().isAfter(now.plus(maxLifetime))) {
            return Optional.empty();
        }
        String tenant = fields.getProperty("tenant", "").strip();
        if (tenant.isEmpty() || tenant.length() > 64 || tenant.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        List<String> roles = Arrays.stream(fields.getProperty("roles", "").split(",")).map(String::strip)
                .filter(role -> !role.isEmpty()).distinct().sorted().toList();
        if (roles.stream().anyMatch(role -> !ROLE.matcher(role).matches())) {
            return Optional.empty();
        }
        String subject = fields.getProperty("subject", "").strip();
        if (subject.isEmpty()) {
            subject = "developer@" + tenant;
        }
        if (subject.length() > 255 || subject.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleUser(subject, tenant, roles));
    }

    /** Codes nobody redeemed in time are deleted, so the folder does not grow. */
    private void removeExpired(Instant now) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().plus(maxLifetime).isBefore(now)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // housekeeping only: the next redeem tries again
        }
    }

    private static Optional<Instant> epochSeconds(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
