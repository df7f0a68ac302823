package dev.orchestrion.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import dev.orchestrion.localstack.SigningKeys;
import dev.orchestrion.localstack.Tokens;

/**
 * The running platform as benchmarks see it: service base URLs (defaults: the ports of {@code ./orchestrion up};
 * override with {@code CASE_SERVICE_URL} and friends), tokens signed with the local stack's key
 * ({@code ORCHESTRION_DATA}, default {@code .data} under the working directory's repository root), and one shared
 * HTTP client.
 */
public final class Platform {

    public static final String CASES = env("CASE_SERVICE_URL", "http://127.0.0.1:8081");
    public static final String DEFINITIONS = env("DEFINITION_SERVICE_URL", "http://127.0.0.1:8082");
    public static final String RUNNER = env("RUNNER_SERVICE_URL", "http://127.0.0.1:8083");
    public static final String CONTENT = env("CONTENT_SERVICE_URL", "http://127.0.0.1:8084");

    // Daemon threads: a benchmark whose main method fails must end, not hang ./orchestrion bench on a live pool.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "benchmark-http");
                thread.setDaemon(true);
                return thread;
            })).build();

    private Platform() {
    }

    /** A token for {@code tenant} with {@code roles}, valid for two hours. */
    public static String token(String tenant, String... roles) {
        Path keys = dataDir().resolve("keys").resolve(SigningKeys.PRIVATE_KEY_FILE);
        return Tokens.mint(SigningKeys.readPrivateKey(keys), env("ORCHESTRION_JWT_ISSUER", Tokens.DEFAULT_ISSUER),
                "benchmark@" + tenant, tenant, List.of(roles), Duration.ofHours(2));
    }

    public static HttpClient http() {
        return HTTP;
    }

    public static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    public static HttpRequest.Builder json(String method, String url, String token, String body) {
        return request(url, token).header("Content-Type", "application/json").method(method,
                HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends and answers with the status code (for {@link LoadDriver.Operation}). */
    public static CompletableFuture<Integer> status(HttpRequest request) {
        // hot loops: through the lean client, whose CPU per call the measured services do not lose
        return LeanHttp.send(request).thenApply(LeanHttp.Answer::status);
    }

    /** How long a benchmark's setup call retries a 503 (a peer that a previous benchmark left busy). */
    static final java.time.Duration SETUP_PATIENCE = java.time.Duration.ofSeconds(60);

    /**
     * Sends and fails unless the answer is 2xx; answers with the body. A 503 is retried (every second, for up to
     * {@link #SETUP_PATIENCE}) as a client would: setup runs right after another benchmark, which may leave a
     * service's peer busy for a moment (once a run's setup failed on "definition-service is unavailable" right after
     * the definition-search benchmark).
     */
    public static String send(HttpRequest request) {
        long deadline = System.nanoTime() + SETUP_PATIENCE.toNanos();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            while (response.statusCode() == 503 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path dataDir() {
        String configured = System.getenv("ORCHESTRION_DATA");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return repositoryRoot().resolve(".data");
    }

    /** The repository root: the nearest folder above the working directory that holds the orchestrion script. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("orchestrion").toFile().exists()) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
