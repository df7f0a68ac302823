package dev.orchestrion.runner.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import dev.orchestrion.testsupport.TestInfrastructure;
import dev.orchestrion.testsupport.TestPostgres;
import dev.orchestrion.testsupport.TestTokens;

/**
 * The packaged runner ({@code target/quarkus-app/quarkus-run.jar}, system property {@code runner.jar}) started as
 * its own process against the test JVM's Kafka, PostgreSQL and peer stand-ins, in the production profile. Used by
 * tests that need a second instance or a real process kill.
 */
public final class RunnerProcess implements AutoCloseable {

    /** The instances of a test share one key, as a deployment's do (the test profile's, public). */
    private static final String TEST_SECRETS_KEY = "ZGV2LW9ubHktcnVubmVyLXNlY3JldHMta2V5LTMyYnk=";

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private RunnerProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts an instance on a free port using database {@code database} (which the caller created) and peers at
     * {@code peersUrl}; {@code extra} adds or overrides system properties.
     */
    public static RunnerProcess start(String name, String database, String peersUrl, Map<String, String> extra) {
        return start(name, database, peersUrl, extra, null);
    }

    /**
     * As {@link #start(String, String, String, Map)}, with failpoints armed ({@code ORCHESTRION_FAILPOINTS}, e.g.
     * {@code executor.after-commit=5}: the process halts, as on SIGKILL, the fifth time it gets there).
     */
    public static RunnerProcess start(String name, String database, String peersUrl, Map<String, String> extra,
            String failpoints) {
        String jar = System.getProperty("runner.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("The packaged runner is missing (" + jar + "): run through failsafe");
        }
        try {
            Path keys = Files.createTempDirectory("runner-keys");
            Path publicKey = Files.writeString(keys.resolve("public.pem"), TestTokens.publicKeyPem());
            Path privateKey = Files.writeString(keys.resolve("private.pem"), TestTokens.privateKeyPem());
            int port = freePort();
            TestPostgres postgres = TestInfrastructure.postgres();
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("quarkus.http.port", String.valueOf(port));
            properties.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
            properties.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
            properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            properties.put("quarkus.datasource.username", postgres.user());
            properties.put("quarkus.datasource.password", postgres.password());
            properties.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
            properties.put("quarkus.rest-client.definition-service.url", peersUrl);
            properties.put("quarkus.rest-client.case-service.url", peersUrl);
            properties.put("quarkus.rest-client.content-service.url", peersUrl);
            properties.put("orchestrion.outbound.allow-loopback", "true");
            // The packaged runner runs in prod mode, where the key has no default: the test profile's key.
            properties.put("orchestrion.runner.secrets.encryption-key", TEST_SECRETS_KEY);
            properties.putAll(extra);
            List<String> command = new ArrayList<>(
                    List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                            "-XX:+UseParallelGC"));
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-jar", jar));
            Path log = Files.createTempFile("runner-" + name + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ORCHESTRION_JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
            builder.environment().put("ORCHESTRION_JWT_PRIVATE_KEY_LOCATION", privateKey.toString());
            if (failpoints != null) {
                builder.environment().put("ORCHESTRION_FAILPOINTS", failpoints);
            }
            return new RunnerProcess(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Waits until the instance answers its readiness check with UP. */
    public RunnerProcess awaitReady() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Awaitility.await(name + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited:\n" + tail());
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return this;
    }

    /** Kills the process as a crash would (SIGKILL: no shutdown hook, nothing flushed). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    /** The exit status once the process has ended (137 after SIGKILL or a failpoint). */
    public int exitValue() {
        return process.exitValue();
    }

    /** The end of the instance's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
