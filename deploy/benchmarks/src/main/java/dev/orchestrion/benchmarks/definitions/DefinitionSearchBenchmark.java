package dev.orchestrion.benchmarks.definitions;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.benchmarks.BenchmarkResult;
import dev.orchestrion.benchmarks.CpuIdle;
import dev.orchestrion.benchmarks.LoadDriver;
import dev.orchestrion.benchmarks.Platform;

/**
 * List and search latency of definition-service with 10,000 definitions in one tenant (issue 3). Creates the
 * definitions in a fresh tenant (varied names, tags, trigger kinds; every tenth one started), then measures typical
 * queries in a closed loop: the default list page, a text search, the active ones by priority, a tag filter sorted by
 * name, a deep page, and reading one definition.
 *
 * <p>
 * Run against {@code ./orchestrion up}:
 * {@code java -cp 'deploy/benchmarks/target/orchestrion-benchmarks.jar:deploy/benchmarks/target/lib/*' dev.orchestrion.benchmarks.definitions.DefinitionSearchBenchmark [count] [seconds-per-query] [clients]}
 * (defaults 10000, 20, 4). Results go to {@code target/benchmarks/results.jsonl}.
 */
public final class DefinitionSearchBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"onboarding", "invoice", "reminder", "kyc", "cart", "report", "approval",
            "welcome", "renewal", "survey"};
    private static final String[] TAGS = {"kyc", "email", "billing", "content", "ops"};

    private DefinitionSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration perQuery = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 20);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String tenant = "bench-definitions-" + System.currentTimeMillis();
        String designer = Platform.token(tenant, "designer", "operator");
        String base = Platform.DEFINITIONS + "/definitions";

        List<String> ids = create(base, designer, count);

        List<BenchmarkResult> results = new ArrayList<>();
        results.add(query("definitions.list first page (-updated)", clients, perQuery, base + "?size=20", designer));
        results.add(query("definitions.search q=invoice", clients, perQuery,
                base + "?q=" + URLEncoder.encode("invoice", StandardCharsets.UTF_8) + "&size=20", designer));
        results.add(query("definitions.search status=ACTIVE sort=priority", clients, perQuery,
                base + "?status=ACTIVE&sort=priority&size=50", designer));
        results.add(query("definitions.search tag=kyc sort=name", clients, perQuery,
                base + "?tag=kyc&sort=name&size=20", designer));
        results.add(
                query("definitions.list page 200 (-updated)", clients, perQuery, base + "?size=20&page=200", designer));
        results.add(LoadDriver.closedLoop("definitions.get one", clients, Duration.ofSeconds(3), perQuery,
                () -> Platform.status(Platform
                        .request(base + "/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), designer).GET()
                        .build()))
                .record());
        System.out.println();
        System.out.println("tenant " + tenant + ", " + count + " definitions");
        results.forEach(r -> System.out.println(r.summary()));
        System.exit(0);
    }

    private static BenchmarkResult query(String name, int clients, Duration duration, String url, String token)
            throws InterruptedException {
        return LoadDriver.closedLoop(name, clients, Duration.ofSeconds(3), duration,
                () -> Platform.status(Platform.request(url, token).GET().build())).record();
    }

    /** Creates {@code count} definitions, 16 requests in flight; reports the creation rate as a result too. */
    private static List<String> create(String base, String token, int count) throws Exception {
        Semaphore inFlight = new Semaphore(16);
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        org.HdrHistogram.Histogram micros = new org.HdrHistogram.Histogram(3);
        CpuIdle.Sample cpuFrom = CpuIdle.sample();
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            int n = i;
            long start = System.nanoTime();
            CompletableFuture<?> done = Platform.http().sendAsync(Platform.json("POST", base, token, body(n)).build(),
                    HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
                        synchronized (micros) {
                            micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                        }
                        if (response.statusCode() != 201) {
                            failures.incrementAndGet();
                            return CompletableFuture.completedFuture(null);
                        }
                        String id = idOf(response.body());
                        ids.add(id);
                        if (n % 10 != 0) {
                            return CompletableFuture.completedFuture(null);
                        }
                        return Platform.status(Platform.json("POST", base + "/" + id + "/start", token, "").build());
                    }).whenComplete((r, e) -> {
                        if (e != null) {
                            failures.incrementAndGet();
                        }
                        inFlight.release();
                    });
            pending.add(done);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("created %d definitions in %.1f s (%.0f/s), %d failures%n", ids.size(), seconds,
                ids.size() / seconds, failures.get());
        new BenchmarkResult("definitions.create (setup, 10% started)", "16 in flight", seconds, count, failures.get(),
                ids.size() / seconds, micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(90) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0, java.util.Map.of(201, (long) ids.size()),
                CpuIdle.share(cpuFrom, CpuIdle.sample()), java.util.Map.of(), java.time.Instant.now().toString())
                .record();
        if (ids.isEmpty()) {
            throw new IllegalStateException("No definition could be created; is definition-service up?");
        }
        return ids;
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String body(int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String word = WORDS[n % WORDS.length];
        String tag = TAGS[random.nextInt(TAGS.length)];
        String trigger = n % 7 == 0
                ? "{\"kind\": \"schedule\", \"cron\": \"0 8 * * MON-FRI\"}"
                : n % 5 == 0 ? "{\"kind\": \"event\", \"eventType\": \"case.created\"}" : "{\"kind\": \"api\"}";
        return """
                {"name": "%s workflow %d", "description": "Benchmark definition %d about %s", "tags": ["%s", "bench"],
                 "parameters": [{"name": "amount", "type": "number", "required": true}],
                 "trigger": %s,
                 "nodes": [
                   {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
                   {"id": "double", "type": "set", "name": "Double", "position": {"x": 200, "y": 0},
                    "properties": {"assignments": [{"name": "doubled", "value": "params.amount * 2.0"}]}},
                   {"id": "check", "type": "if", "name": "Large?", "position": {"x": 400, "y": 0},
                    "properties": {"condition": "vars.doubled > 100.0"}},
                   {"id": "end", "type": "end", "name": "End", "position": {"x": 600, "y": 0},
                    "properties": {"result": {"doubled": "vars.doubled"}}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "double"},
                   {"from": "double", "output": "next", "to": "check"}, {"from": "check", "output": "true", "to": "end"},
                   {"from": "check", "output": "false", "to": "end"}],
                 "dataConnectors": []}"""
                .formatted(capitalize(word), n, n, word, tag, trigger);
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
