package dev.orchestrion.console.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's own settings ({@code orchestrion.console.*}); docs/console.md explains each. */
@ConfigMapping(prefix = "orchestrion.console")
public interface ConsoleConfig {

    /** Service name in {@code /api/{service}/...} to the base URL it forwards to (a path prefix is kept). */
    Map<String, String> services();

    SignIn signIn();

    Session session();

    Forward forward();

    /** How users sign in. */
    interface SignIn {

        /** {@code oidc} (production) or {@code local} (a one-time code; refused whenever the prod profile is active). */
        @WithDefault("oidc")
        SignInMode mode();

        /** Where {@code ./orchestrion console-link} leaves one-time codes (local sign-in only). */
        Optional<Path> codesDir();

        /** A code whose expiry lies further ahead than this is refused: the script writes a few minutes. */
        @WithDefault("PT15M")
        Duration codeMaxLifetime();

        /** How long the service tokens minted for a local session live. */
        @WithDefault("PT5M")
        Duration serviceTokenLifetime();

        /** The access token claim that names the user's tenant (the services read {@code tenant}). */
        @WithDefault("tenant")
        String tenantClaim();
    }

    /** The session cookie. */
    interface Session {

        /**
         * Base64 of 32 random bytes: seals the session cookie and the CSRF tokens. Every replica needs the same; without
         * one a random key is made at start, so sessions end with the process.
         */
        Optional<String> key();

        /** A session unused for this long has ended (sliding: each request moves it). */
        @WithDefault("PT8H")
        Duration idleTimeout();

        /** A session ends this long after sign-in however busy it is. */
        @WithDefault("PT24H")
        Duration maxLifetime();

        /** Marks the cookies Secure (HTTPS only); off locally, where the console is plain http://127.0.0.1. */
        @WithDefault("true")
        boolean secureCookie();
    }

    /** Forwarding of {@code /api/{service}/...}. */
    interface Forward {

        /** A larger request body is refused with 413 before anything is forwarded. */
        @WithDefault("16M")
        MemorySize maxBodySize();

        @WithDefault("PT5S")
        Duration connectTimeout();

        /** A service that sends nothing for this long is answered with 504. */
        @WithDefault("PT60S")
        Duration idleTimeout();
    }
}
