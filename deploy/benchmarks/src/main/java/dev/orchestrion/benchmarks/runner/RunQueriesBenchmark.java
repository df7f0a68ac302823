package dev.orchestrion.benchmarks.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.HdrHistogram.Recorder;

import dev.orchestrion.benchmarks.BenchmarkResult;
import dev.orchestrion.benchmarks.LoadDriver;
import dev.orchestrion.benchmarks.Platform;

/**
 * What the console asks runner-service for, with 100,000 runs and 1,000,000 steps stored (issue 14): the runs list
 * with its filters (newest first; status; definition and status; a case; one day; a run id's start; an error's text),
 * the counts by status, and a run's page ({@code GET /workflows/{id}/overview}: the run, its trigger and wait, each
 * node's outcome and its first 100 steps), each in a closed loop of 4 clients, and the list's filters mixed as users
 * would. Target: p95 under 300 ms. The p95 of each measurement is read over its window beside the driver's
 * percentiles ({@code p95 ms}).
 *
 * <p>
 * The runs are written straight into the runner's database ({@code runqueries/fill.sql}, generate_series) in a tenant
 * of their own, once per data folder: the API would need hours to run 100,000 workflows. A later run finds them and
 * measures at once.
 *
 * <pre>
 * ./orchestrion up
 * ./orchestrion bench RunQueriesBenchmark
 * </pre>
 *
 * Arguments: seconds per measurement (default 30), clients (default 4), runs (default 100000). Environment
 * {@code RUNNER_SERVICE_URL} (default {@code http://127.0.0.1:8083}) and {@code RUNNER_DB_JDBC_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:15432/runner}, user and password {@code postgres}).
 */
public final class RunQueriesBenchmark {

    private static final String TENANT = "bench-run-queries";
    private static final String P95 = "p95 ms";

    private final String token = Platform.token(TENANT, "operator");
    private final String base = Platform.RUNNER + "/workflows";
    private final Sample sample;

    private RunQueriesBenchmark(Sample sample) {
        this.sample = sample;
    }

    /** Runs, cases, definitions and failure texts of the filled tenant to ask for, picked at random per request. */
    private record Sample(List<String> runIds, List<String> caseIds, List<String> definitionIds,
            List<String> failedOrders) {

        String any(List<String> values) {
            return values.get(ThreadLocalRandom.current().nextInt(values.size()));
        }
    }

    public static void main(String[] args) throws Exception {
        Duration perQuery = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 30);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        String jdbc = System.getenv().getOrDefault("RUNNER_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/runner");
        Sample sample;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            fill(db, runs);
            sample = sample(db);
        }
        new RunQueriesBenchmark(sample).measure(perQuery, clients);
        System.exit(0);
    }

    private void measure(Duration perQuery, int clients) throws InterruptedException {
        // fails at once, with the service's answer, if the runner is not up or refuses the token
        Platform.send(Platform.request(base + "?size=1", token).GET().build());
        Duration warmup = Duration.ofSeconds(3);
        Instant dayEnd = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String oneDay = "&from=" + dayEnd.minus(Duration.ofDays(3)) + "&to=" + dayEnd.minus(Duration.ofDays(2));
        List<Supplier<String>> filters = List.of(() -> "?size=20", () -> "?size=20&status=FAILED",
                () -> "?size=20&status=COMPLETED&definitionId=" + sample.any(sample.definitionIds()),
                () -> "?size=20&caseId=" + sample.any(sample.caseIds()), () -> "?size=20" + oneDay,
                () -> "?size=20&q=" + sample.any(sample.runIds()).substring(0, 13),
                () -> "?size=20&q=" + encode("orders/" + sample.any(sample.failedOrders())));
        List<String> names = List.of("newest first", "status=FAILED", "definitionId + status=COMPLETED", "caseId",
                "one day (from, to)", "q=run id prefix", "q=error text");

        // the runner's query path compiled before anything is measured
        LoadDriver.closedLoop("pre-warm", clients, Duration.ZERO, Duration.ofSeconds(15),
                () -> list(filters.get(ThreadLocalRandom.current().nextInt(filters.size())).get()));

        List<BenchmarkResult> results = new ArrayList<>();
        results.add(measured("runs list: the console's filters mixed", clients, warmup, perQuery,
                () -> list(filters.get(ThreadLocalRandom.current().nextInt(filters.size())).get())));
        for (int i = 0; i < filters.size(); i++) {
            Supplier<String> filter = filters.get(i);
            results.add(measured("runs list: " + names.get(i), clients, warmup, perQuery, () -> list(filter.get())));
        }
        results.add(measured("runs list: q=HTTP 503 (7,000 failed runs match)", clients, warmup, perQuery,
                () -> list("?size=20&q=" + encode("HTTP 503"))));
        results.add(measured("runs counts by status", clients, warmup, perQuery,
                () -> Platform.status(Platform.request(base + "/counts", token).GET().build())));
        results.add(measured("run page: GET /workflows/{id}/overview", clients, warmup, perQuery, () -> Platform.status(
                Platform.request(base + "/" + sample.any(sample.runIds()) + "/overview", token).GET().build())));

        System.out.println();
        System.out.println("tenant " + TENANT);
        results.forEach(r -> System.out.println(r.summary()));
    }

    private java.util.concurrent.CompletableFuture<Integer> list(String query) {
        return Platform.status(Platform.request(base + query, token).GET().build());
    }

    /** A closed loop whose p95 over the measured window is read beside it (the driver reports p50, p90, p99). */
    private static BenchmarkResult measured(String name, int clients, Duration warmup, Duration duration,
            LoadDriver.Operation operation) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        LoadDriver.Operation timed = () -> {
            long start = System.nanoTime();
            return operation.get().whenComplete(
                    (status, error) -> latencies.recordValue(Math.max(1, (System.nanoTime() - start) / 1000)));
        };
        LoadDriver.Alongside p95 = new LoadDriver.Alongside() {

            @Override
            public void opened() {
                latencies.reset();
            }

            @Override
            public Map<String, Double> closed(double seconds) {
                return Map.of(P95, latencies.getIntervalHistogram().getValueAtPercentile(95) / 1000.0);
            }
        };
        return LoadDriver.closedLoop(name, clients, warmup, duration, timed, p95).record();
    }

    /** Fills the tenant to {@code runs} runs of 10 steps each, unless it holds them already. */
    private static void fill(Connection db, int runs) throws SQLException, IOException {
        long present = count(db, "SELECT count(*) FROM runs WHERE tenant = ?");
        if (present >= runs) {
            System.out.printf("%s holds %,d runs already: measuring them%n", TENANT, present);
            return;
        }
        if (present > 0) {
            // an earlier fill that did not finish: start over, so that the figures are of the documented data
            try (PreparedStatement steps = db
                    .prepareStatement("DELETE FROM run_steps WHERE run_id IN (SELECT id FROM runs WHERE tenant = ?)");
                    PreparedStatement rows = db.prepareStatement("DELETE FROM runs WHERE tenant = ?")) {
                steps.setString(1, TENANT);
                steps.executeUpdate();
                rows.setString(1, TENANT);
                rows.executeUpdate();
            }
        }
        String sql;
        try (InputStream in = RunQueriesBenchmark.class.getResourceAsStream("/runqueries/fill.sql")) {
            if (in == null) {
                throw new IllegalStateException("runqueries/fill.sql is missing from the class path");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] statements = sql.split(";\\s*\\n");
        long begin = System.nanoTime();
        db.setAutoCommit(false);
        try (PreparedStatement insertRuns = db.prepareStatement(statements[0]);
                PreparedStatement insertSteps = db.prepareStatement(statements[1])) {
            insertRuns.setString(1, TENANT);
            insertRuns.setInt(2, runs);
            int inserted = insertRuns.executeUpdate();
            insertSteps.setString(1, TENANT);
            int steps = insertSteps.executeUpdate();
            db.commit();
            System.out.printf("filled %s with %,d runs and %,d steps in %.0f s%n", TENANT, inserted, steps,
                    (System.nanoTime() - begin) / 1e9);
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        // as autovacuum would soon: statistics for the planner, and the visibility map for index-only scans
        try (Statement statement = db.createStatement()) {
            statement.execute("VACUUM (ANALYZE) runs");
            statement.execute("VACUUM (ANALYZE) run_steps");
        }
    }

    private static Sample sample(Connection db) throws SQLException {
        List<String> runIds = column(db,
                "SELECT id::text FROM runs TABLESAMPLE SYSTEM (5) WHERE tenant = ? LIMIT 2000");
        List<String> caseIds = column(db,
                "SELECT case_id::text FROM runs TABLESAMPLE SYSTEM (5) WHERE tenant = ? LIMIT 2000");
        List<String> definitionIds = column(db,
                "SELECT DISTINCT definition_id::text FROM runs WHERE tenant = ? AND created_at > now() - interval '1 day'");
        List<String> failedOrders = column(db, "SELECT substring(error->>'message' FROM 'orders/([0-9]+)') FROM runs "
                + "TABLESAMPLE SYSTEM (20) WHERE tenant = ? AND status = 'FAILED' LIMIT 2000");
        if (runIds.isEmpty() || caseIds.isEmpty() || definitionIds.isEmpty() || failedOrders.isEmpty()) {
            throw new IllegalStateException("The runs of " + TENANT + " could not be sampled");
        }
        return new Sample(runIds, caseIds, definitionIds, failedOrders);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, TENANT);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> column(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, TENANT);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
