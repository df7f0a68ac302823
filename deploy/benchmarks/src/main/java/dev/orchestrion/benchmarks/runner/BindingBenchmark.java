package dev.orchestrion.benchmarks.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.benchmarks.BenchmarkResult;
import dev.orchestrion.benchmarks.LeanHttp;
import dev.orchestrion.benchmarks.LoadDriver;
import dev.orchestrion.benchmarks.Platform;

/**
 * The job of issue 13 through an HTTP binding that answers with the run's result: {@code POST
 * /hooks/{tenant}/bench/{n}} starts start -> set a -> if a == "yes" -> set b -> end, which returns
 * {@code {ok: true, a: "yes", b: 2n}}; the binding has {@code respondWith: result}, so each answer is a run that
 * ended. A call counts only when it answers 200 with exactly that body for its {@code n} (see {@link #counted}).
 * <ul>
 * <li>closed loops (default 16 and 64 clients): completed runs per second;</li>
 * <li>fixed rates (default 15, 200 and 1,000 runs/s): the latency a client sees, from the scheduled request time.</li>
 * </ul>
 * Over the same window as every measurement it reads: RunCompleted events of the benchmark's tenant consumed from
 * {@code workflow.run-events} per second (a consumer outside any group, {@link RunCompletions}); the runner's
 * {@code orchestrion_outbox_backlog} (from its {@code /q/metrics}) when the window opens and when it closes; and
 * the deliveries per second a webhook receiver in this process (127.0.0.1, subscribed to {@code run.completed}) got.
 * A fresh tenant per run of the benchmark holds the definition, its API key and the subscription, so nothing else
 * is counted.
 *
 * <pre>
 * ./orchestrion up
 * ./orchestrion bench BindingBenchmark
 * </pre>
 *
 * System properties: {@code orchestrion.bench.warmup}, {@code orchestrion.bench.duration} (ISO-8601, default
 * {@code PT10S}, {@code PT30S}), {@code orchestrion.bench.clients} (default {@code 16,64}),
 * {@code orchestrion.bench.rates} (default {@code 15,200,1000}); environment {@code KAFKA_BOOTSTRAP_SERVERS}
 * (default {@code 127.0.0.1:19092}) and the service URLs of {@link Platform}. The webhook receiver needs the
 * runner to allow loopback targets, as {@code ./orchestrion up} sets.
 */
public final class BindingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "binding POST /hooks/{tenant}/bench/{n}, respondWith: result";
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);

    /** The five-node job behind an HTTP binding; {@code b} depends on the call, so each answer is checked. */
    static final String DEFINITION = """
            {"name": "Binding benchmark %s", "description": "start -> set a -> if a == 'yes' -> set b -> end {ok, a, b}",
             "tags": ["benchmark"],
             "parameters": [{"name": "n", "type": "integer", "required": true}],
             "trigger": {"kind": "http", "method": "POST", "path": "bench/{n}", "respondWith": "result",
                         "responseTimeout": "PT30S"},
             "nodes": [
               {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
               {"id": "setA", "type": "set", "name": "Set a", "position": {"x": 200, "y": 0},
                "properties": {"assignments": [{"name": "a", "value": "'yes'"}]}},
               {"id": "isYes", "type": "if", "name": "a is yes?", "position": {"x": 400, "y": 0},
                "properties": {"condition": "vars.a == 'yes'"}},
               {"id": "setB", "type": "set", "name": "Set b", "position": {"x": 600, "y": 0},
                "properties": {"assignments": [{"name": "b", "value": "params.n * 2"}]}},
               {"id": "end", "type": "end", "name": "End", "position": {"x": 800, "y": 0},
                "properties": {"result": {"ok": "true", "a": "vars.a", "b": "vars.b"}}}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "setA"},
                                     {"from": "setA", "output": "next", "to": "isYes"},
                                     {"from": "isYes", "output": "true", "to": "setB"},
                                     {"from": "setB", "output": "next", "to": "end"}],
             "dataConnectors": []}""";

    private final String tenant = "bench-binding-" + System.currentTimeMillis();
    private final String token = Platform.token(tenant, "admin", "designer", "operator", "client");
    private final AtomicLong sequence = new AtomicLong();
    private final String hookBase = Platform.RUNNER + "/hooks/" + tenant + "/bench/";
    private String apiKey;

    private BindingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.parse(System.getProperty("orchestrion.bench.warmup", "PT10S"));
        Duration duration = Duration.parse(System.getProperty("orchestrion.bench.duration", "PT30S"));
        List<Integer> clients = integers(System.getProperty("orchestrion.bench.clients", "16,64"));
        List<Integer> rates = integers(System.getProperty("orchestrion.bench.rates", "15,200,1000"));
        String kafka = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        BindingBenchmark benchmark = new BindingBenchmark();
        try (RunCompletions completions = RunCompletions.counting(kafka);
                WebhookDeliveryBenchmark.Receiver receiver = new WebhookDeliveryBenchmark.Receiver("binding",
                        Duration.ZERO, 16)) {
            String subscription = benchmark.prepare(completions, receiver);
            try {
                benchmark.measure(new Window(benchmark.tenant, completions, receiver), warmup, duration, clients,
                        rates);
            } finally {
                // no retries left behind towards a receiver that is about to go away
                Platform.send(Platform.request(Platform.RUNNER + "/webhooks/" + subscription, benchmark.token).DELETE()
                        .build());
            }
        }
        System.exit(0);
    }

    /**
     * Creates and starts the definition, waits until the runner has its binding, issues an API key, subscribes the
     * receiver, and runs one call end to end (its answer, its RunCompleted on Kafka and its webhook delivery), so
     * that anything not wired fails here with what is missing. Answers the subscription's id.
     */
    private String prepare(RunCompletions completions, WebhookDeliveryBenchmark.Receiver receiver) throws Exception {
        String definitionId = id(Platform.send(Platform
                .json("POST", Platform.DEFINITIONS + "/definitions", token, DEFINITION.formatted(tenant)).build()));
        Platform.send(Platform
                .json("POST", Platform.DEFINITIONS + "/definitions/" + definitionId + "/start", token, "{}").build());
        awaitOrFail("the runner to register the binding of " + definitionId, () -> bound(definitionId));
        apiKey = JSON
                .readTree(Platform.send(Platform
                        .json("POST", Platform.RUNNER + "/api-keys", token,
                                "{\"name\":\"binding benchmark\",\"definitionIds\":[\"" + definitionId + "\"]}")
                        .build()))
                .get("key").asText();
        String subscription = id(Platform.send(Platform.json("POST", Platform.RUNNER + "/webhooks", token,
                "{\"url\":\"" + receiver.url() + "\",\"events\":[\"run.completed\"]}").build()));

        HttpResponse<String> first = Platform.http().send(call(1), HttpResponse.BodyHandlers.ofString());
        if (counted(first.statusCode(), first.body(), 1) != 200) {
            throw new IllegalStateException(
                    "The first binding call answered " + first.statusCode() + ": " + first.body());
        }
        awaitOrFail("the first run's RunCompleted on workflow.run-events", () -> completions.completedOf(tenant) > 0);
        awaitOrFail("the first run's webhook delivery (does the runner allow loopback targets? ./orchestrion up "
                + "sets ORCHESTRION_OUTBOUND_ALLOW_LOOPBACK=true)", () -> receiver.received() > 0);
        sequence.set(1);
        System.out.println("Tenant " + tenant + ": binding " + hookBase + "{n} of " + definitionId
                + " answers; first run consumed from Kafka and delivered to " + receiver.url());
        return subscription;
    }

    private boolean bound(String definitionId) {
        try {
            JsonNode triggers = JSON
                    .readTree(Platform.send(Platform.request(Platform.RUNNER + "/triggers", token).GET().build()));
            for (JsonNode trigger : triggers) {
                if (definitionId.equals(trigger.path("definitionId").asText())
                        && !trigger.path("hookPath").asText().isEmpty()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void measure(Window window, Duration warmup, Duration duration, List<Integer> clients, List<Integer> rates)
            throws InterruptedException {
        List<BenchmarkResult> results = new ArrayList<>();
        Map<String, String> headers = Map.of("X-API-Key", apiKey, "Content-Type", "application/json", "Accept",
                "application/json");
        LoadDriver.Operation run = () -> {
            long n = sequence.incrementAndGet();
            return LeanHttp.post(hookBase + n, headers, "{}", Duration.ofSeconds(30))
                    .thenApply(answer -> counted(answer.status(), answer.body(), n));
        };
        LoadDriver.prewarm(run);
        for (int count : clients) {
            results.add(LoadDriver.closedLoop(NAME, count, warmup, duration, run, window).record());
        }
        for (int rate : rates) {
            results.add(LoadDriver.fixedRate(NAME, rate, warmup, duration, run, window).record());
        }
        System.out.println();
        results.forEach(r -> System.out.println(r.summary()));
    }

    private HttpRequest call(long n) {
        return HttpRequest.newBuilder(URI.create(hookBase + n)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    /**
     * The status the load driver counts for an answer to call {@code n}: 200 only for exactly
     * {@code {"ok": true, "a": "yes", "b": 2n}}; a 200 with any other body is -200 and any other 2xx its negative
     * (202: the run had not ended within the binding's responseTimeout), so that both count as errors; the rest
     * as answered.
     */
    static int counted(int status, String body, long n) {
        if (status / 100 != 2) {
            return status;
        }
        if (status != 200) {
            return -status;
        }
        try {
            JsonNode result = JSON.readTree(body);
            boolean expected = result != null && result.size() == 3 && result.path("ok").isBoolean()
                    && result.path("ok").booleanValue() && "yes".equals(result.path("a").textValue())
                    && result.path("b").isIntegralNumber() && result.path("b").longValue() == 2 * n;
            return expected ? 200 : -200;
        } catch (IOException e) {
            return -200;
        }
    }

    /**
     * The figures read beside each measurement, over its window: RunCompleted events of the tenant consumed per
     * second, webhook deliveries per second, and the runner's outbox backlog when the window opens and closes.
     */
    static final class Window implements LoadDriver.Alongside {

        private static final Duration SETTLE_AT_MOST = Duration.ofMinutes(3);

        private final String tenant;
        private final RunCompletions completions;
        private final WebhookDeliveryBenchmark.Receiver receiver;
        private long completedAtOpen;
        private long deliveriesAtOpen;
        private Double backlogAtOpen;

        Window(String tenant, RunCompletions completions, WebhookDeliveryBenchmark.Receiver receiver) {
            this.tenant = tenant;
            this.completions = completions;
            this.receiver = receiver;
        }

        /**
         * Waits (at most {@link #SETTLE_AT_MOST}) until the receiver has had a delivery for every run of the tenant
         * that completed so far: a closed loop above the delivery rate (the 90 s pre-warm at 32 clients, the 64-client
         * loop) leaves a backlog of deliveries, and draining it would take CPU from the next measurement.
         */
        @Override
        public void settle() throws InterruptedException {
            long begin = System.nanoTime();
            long deadline = begin + SETTLE_AT_MOST.toNanos();
            while (receiver.received() < completions.completedOf(tenant) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long behind = completions.completedOf(tenant) - receiver.received();
            System.out.printf("  settled in %.1f s: %d webhook deliveries behind the completed runs%n",
                    (System.nanoTime() - begin) / 1e9, Math.max(0, behind));
        }

        @Override
        public void opened() {
            completedAtOpen = completions.completedOf(tenant);
            deliveriesAtOpen = receiver.received();
            backlogAtOpen = outboxBacklog();
        }

        @Override
        public Map<String, Double> closed(double seconds) {
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("RunCompleted consumed/s", (completions.completedOf(tenant) - completedAtOpen) / seconds);
            figures.put("webhook deliveries/s", (receiver.received() - deliveriesAtOpen) / seconds);
            figures.put("outbox backlog at start", backlogAtOpen);
            figures.put("outbox backlog at end", outboxBacklog());
            return figures;
        }
    }

    /** The runner's {@code orchestrion_outbox_backlog} (summed over its outboxes), or null when unreadable. */
    static Double outboxBacklog() {
        try {
            HttpResponse<String> metrics = Platform
                    .http().send(
                            HttpRequest.newBuilder(URI.create(Platform.RUNNER + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            return metrics.statusCode() == 200 ? backlogIn(metrics.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The sum of the {@code orchestrion_outbox_backlog} samples of a Prometheus text page; null when it has none. */
    static Double backlogIn(String prometheusText) {
        Double sum = null;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("orchestrion_outbox_backlog{") || line.startsWith("orchestrion_outbox_backlog ")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
                sum = sum == null ? value : sum + value;
            }
        }
        return sum;
    }

    private static void awaitOrFail(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Waited " + SETUP_TIMEOUT.toSeconds() + " s for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static String id(String body) {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> integers(String csv) {
        List<Integer> values = new ArrayList<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                values.add(Integer.parseInt(part.trim()));
            }
        }
        return values;
    }
}
