package dev.orchestrion.benchmarks.cases;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.orchestrion.benchmarks.BenchmarkResult;
import dev.orchestrion.benchmarks.LoadDriver;
import dev.orchestrion.benchmarks.Platform;

/**
 * {@code POST /cases} against the running platform ({@code ./orchestrion up}: PostgreSQL with fsync on). Target: 2,000
 * creates per second sustained, and p99 under 25 ms at 500 per second.
 * <ul>
 * <li>closed loop at several client counts: the throughput case-service sustains and its latency at that load;</li>
 * <li>fixed rate at 500/s (the latency target) and at 2,000/s (the throughput target as a client sees it: latency
 * counted from the scheduled send time, so a stall is not hidden);</li>
 * <li>closed loop with an {@code Idempotency-Key} on every request (the key is claimed in the same statement);</li>
 * <li>after each run, how long the outbox relay takes to publish what is left to Kafka (read from the
 * {@code case_outbox} table; skipped when the database cannot be reached).</li>
 * </ul>
 * Every request creates a new case with all seed fields, a unique e-mail and an externalRef.
 *
 * <pre>
 * ./orchestrion up
 * ./mvnw -q package -pl deploy/benchmarks -am -DskipTests
 * java -cp 'deploy/benchmarks/target/orchestrion-benchmarks.jar:deploy/benchmarks/target/lib/*' dev.orchestrion.benchmarks.cases.CaseCreateBenchmark
 * </pre>
 *
 * System properties: {@code orchestrion.bench.warmup} and {@code orchestrion.bench.duration} (ISO-8601, default
 * {@code PT10S} and {@code PT30S}), {@code orchestrion.bench.clients} (default {@code 4,16,64}),
 * {@code orchestrion.bench.rates} (default {@code 500,2000}); environment {@code CASE_SERVICE_URL} (default
 * {@code http://127.0.0.1:8081}) and {@code CASES_DB_JDBC_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:15432/cases}). Results are appended to {@code target/benchmarks/results.jsonl}.
 */
public final class CaseCreateBenchmark {

    private static final String NAME = "case-service POST /cases";

    private final String token = Platform.token("benchmark", "client");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();

    private CaseCreateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.parse(System.getProperty("orchestrion.bench.warmup", "PT10S"));
        Duration duration = Duration.parse(System.getProperty("orchestrion.bench.duration", "PT30S"));
        List<Integer> clients = integers(System.getProperty("orchestrion.bench.clients", "4,16,64"));
        List<Integer> rates = integers(System.getProperty("orchestrion.bench.rates", "500,2000"));
        new CaseCreateBenchmark().measure(warmup, duration, clients, rates);
        // The HTTP client's threads would keep the JVM alive.
        System.exit(0);
    }

    private void measure(Duration warmup, Duration duration, List<Integer> clients, List<Integer> rates)
            throws InterruptedException {
        // Fails at once, with the service's answer, if the platform is not up or the token is refused.
        Platform.send(create(false));
        System.out.println("Measuring " + Platform.CASES + "/cases (warm-up " + warmup + ", measure " + duration + ")");

        List<BenchmarkResult> results = new ArrayList<>();
        LoadDriver.prewarm(() -> Platform.status(create(false)));
        for (int count : clients) {
            results.add(LoadDriver.closedLoop(NAME, count, warmup, duration, () -> Platform.status(create(false)))
                    .record());
            reportOutboxDrain();
        }
        for (int rate : rates) {
            results.add(
                    LoadDriver.fixedRate(NAME, rate, warmup, duration, () -> Platform.status(create(false))).record());
            reportOutboxDrain();
        }
        int idempotentClients = clients.get(clients.size() / 2);
        results.add(LoadDriver
                .closedLoop(NAME, idempotentClients, warmup, duration, () -> Platform.status(create(true)))
                .renamed(NAME + " with Idempotency-Key", "closed loop, " + idempotentClients + " clients").record());
        reportOutboxDrain();

        System.out.println();
        System.out.println("Summary");
        results.forEach(result -> System.out.println(result.summary()));
    }

    /** A new case with every seed field; each request is a new person (and, with a key, a new key). */
    private HttpRequest create(boolean withIdempotencyKey) {
        long n = sequence.incrementAndGet();
        String body = """
                {"firstName":"Ada","lastName":"Lovelace %d","personalNumber":"%012d","email":"ada.%s.%d@bench.test",
                 "companyName":"Analytical Engines Ltd","companyNumber":"556000-%04d","companyAddress":"1 Engine Street, London",
                 "externalRef":"bench-%s-%d"}"""
                .formatted(n, n, run, n, n % 10_000, run, n);
        HttpRequest.Builder request = Platform.json("POST", Platform.CASES + "/cases", token, body);
        if (withIdempotencyKey) {
            request.header("Idempotency-Key", run + "-" + n);
        }
        return request.build();
    }

    /**
     * How long the outbox relay needs to publish what the run left (it should be near zero: the relay keeps up when
     * events leave as fast as cases are created).
     */
    private static void reportOutboxDrain() {
        String url = System.getenv().getOrDefault("CASES_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/cases");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            long left = pending(statement);
            long first = left;
            while (left > 0 && System.nanoTime() - start < Duration.ofMinutes(2).toNanos()) {
                Thread.sleep(50);
                left = pending(statement);
            }
            System.out.printf("  outbox: %d events pending after the run, drained in %d ms%s%n", first,
                    (System.nanoTime() - start) / 1_000_000, left > 0 ? " (NOT drained: " + left + " left)" : "");
        } catch (SQLException e) {
            System.out.println("  outbox: not measured (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long pending(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM case_outbox")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Integer> integers(String csv) {
        List<Integer> values = new ArrayList<>();
        for (String part : csv.split(",")) {
            values.add(Integer.parseInt(part.trim()));
        }
        return values;
    }
}
