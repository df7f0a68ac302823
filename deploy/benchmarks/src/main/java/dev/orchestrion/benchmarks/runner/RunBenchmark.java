package dev.orchestrion.benchmarks.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.benchmarks.BenchmarkResult;
import dev.orchestrion.benchmarks.LeanHttp;
import dev.orchestrion.benchmarks.LoadDriver;
import dev.orchestrion.benchmarks.Platform;

/**
 * Runs of the reference workflow ({@code docs/examples/reference-workflow.json}: start, set, if, set, end) requested
 * through {@code POST /workflows/run} against the running platform ({@code ./orchestrion up}; PostgreSQL with fsync
 * on), each counted from the request until its RunCompleted event reaches a Kafka consumer. Every run is durable
 * (checkpointed) and every step is recorded and published as events.
 * <ul>
 * <li>closed loop at 16 and 64 clients: each client requests a run and waits for its RunCompleted before the next,
 * so the figure is completed runs per second;</li>
 * <li>fixed rates (default 15, 200 and 1,000 runs/s): the run latency a client sees at that load, from the scheduled
 * request time (a stall is not hidden);</li>
 * <li>the acceptance latency alone ({@code POST /workflows/run} answering 200) at the middle rate.</li>
 * </ul>
 *
 * <pre>
 * ./orchestrion up
 * ./orchestrion bench RunBenchmark
 * </pre>
 *
 * System properties: {@code orchestrion.bench.warmup}, {@code orchestrion.bench.duration} (ISO-8601, default
 * {@code PT10S}, {@code PT30S}), {@code orchestrion.bench.clients} (default {@code 16,64}),
 * {@code orchestrion.bench.rates} (default {@code 15,200,1000}), {@code orchestrion.bench.queued-clients} (closed
 * loops through a copy of the definition with {@code eager: false}, default {@code 16,64}), {@code
 * orchestrion.bench.prewarm} (default {@code PT30S}); environment {@code KAFKA_BOOTSTRAP_SERVERS}
 * (default {@code 127.0.0.1:19092}) and the service URLs of {@link Platform}.
 */
public final class RunBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code -Dorchestrion.bench.scenario=...} labels the results (e.g. the scaling run's instance count). */
    private static final String NAME = "runner reference workflow"
            + (System.getProperty("orchestrion.bench.scenario", "").isBlank()
                    ? ""
                    : ", " + System.getProperty("orchestrion.bench.scenario"));

    private final String designer = Platform.token("benchmark", "designer", "operator");
    private final String client = Platform.token("benchmark", "client");
    private String requestBody;
    /** The same run order for a copy of the definition with {@code eager: false}: the queued path. */
    private String queuedBody;

    private RunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.parse(System.getProperty("orchestrion.bench.warmup", "PT10S"));
        Duration duration = Duration.parse(System.getProperty("orchestrion.bench.duration", "PT30S"));
        List<Integer> clients = integers(System.getProperty("orchestrion.bench.clients", "16,64"));
        List<Integer> rates = integers(System.getProperty("orchestrion.bench.rates", "15,200,1000"));
        List<Integer> queuedClients = integers(System.getProperty("orchestrion.bench.queued-clients", "16,64"));
        String kafka = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        RunBenchmark benchmark = new RunBenchmark();
        benchmark.prepare(!queuedClients.isEmpty());
        try (RunCompletions completions = new RunCompletions(kafka)) {
            benchmark.measure(completions, warmup, duration, clients, rates, queuedClients);
        }
        System.exit(0);
    }

    /**
     * Creates the reference definition (and, when the queued path is measured, a copy with {@code eager: false}),
     * starts them, and makes one case and one parameter set for each to run with.
     */
    private void prepare(boolean queuedPath) throws Exception {
        Path example = Platform.repositoryRoot().resolve("docs/examples/reference-workflow.json");
        String definitionId = activeDefinition(Files.readString(example));
        String caseId = JSON
                .readTree(Platform.send(
                        Platform.json("POST", Platform.CASES + "/cases", client, "{\"firstName\":\"Bench\"}").build()))
                .get("id").asText();
        requestBody = runOrder(caseId, definitionId);
        if (queuedPath) {
            com.fasterxml.jackson.databind.node.ObjectNode queued = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                    .readTree(Files.readString(example));
            queued.put("name", queued.path("name").asText() + " (queued)").put("eager", false);
            queuedBody = runOrder(caseId, activeDefinition(queued.toString()));
        }
        // One run end to end first: fails fast, with the answer, if anything is not wired.
        String runId = JSON.readTree(Platform.send(request())).get("id").asText();
        JsonNode run = JSON.readTree(Platform
                .send(Platform.request(Platform.RUNNER + "/workflows/" + runId + "?wait=30s", client).GET().build()));
        if (!"COMPLETED".equals(run.get("status").asText())) {
            throw new IllegalStateException("The reference run did not complete: " + run);
        }
        System.out.println("Reference workflow " + definitionId + " is active; first run completed.");
    }

    private void measure(RunCompletions completions, Duration warmup, Duration duration, List<Integer> clients,
            List<Integer> rates, List<Integer> queuedClients) throws InterruptedException {
        List<BenchmarkResult> results = new ArrayList<>();
        LoadDriver.Operation completedRun = completedRun(completions, requestBody);
        LoadDriver.prewarm(completedRun);
        for (int count : clients) {
            results.add(LoadDriver
                    .closedLoop(NAME + " (request to RunCompleted)", count, warmup, duration, completedRun).record());
        }
        for (int rate : rates) {
            results.add(LoadDriver.fixedRate(NAME + " (request to RunCompleted)", rate, warmup, duration, completedRun)
                    .record());
        }
        if (!rates.isEmpty()) {
            int rate = rates.get(rates.size() / 2);
            results.add(LoadDriver.fixedRate("runner POST /workflows/run (accepted)", rate, warmup, duration,
                    () -> Platform.status(request())).record());
        }
        // the queued path: the same job from a definition with eager: false, stored PENDING and run from a command
        LoadDriver.Operation queuedRun = completedRun(completions, queuedBody);
        for (int count : queuedClients) {
            results.add(LoadDriver
                    .closedLoop(NAME + ", eager off (request to RunCompleted)", count, warmup, duration, queuedRun)
                    .record());
        }
        System.out.println();
        results.forEach(r -> System.out.println(r.summary()));
    }

    /** One run requested with {@code body}, complete when its RunCompleted reached the consumer. */
    private LoadDriver.Operation completedRun(RunCompletions completions, String body) {
        return () -> LeanHttp.send(request(body)).thenCompose(response -> {
            if (response.status() != 200) {
                return CompletableFuture.completedFuture(response.status());
            }
            String runId = runId(response.body());
            return completions.ended(runId).orTimeout(60, TimeUnit.SECONDS)
                    .thenApply(status -> status.equals("completed") ? 200 : 599).exceptionally(timeout -> -2);
        });
    }

    private java.net.http.HttpRequest request() {
        return request(requestBody);
    }

    private java.net.http.HttpRequest request(String body) {
        return Platform.json("POST", Platform.RUNNER + "/workflows/run", client, body).build();
    }

    /** A run request body for the case and definition, with a parameter set made for it ({@code amount: 75}). */
    private String runOrder(String caseId, String definitionId) throws Exception {
        String parametersId = JSON
                .readTree(Platform.send(Platform
                        .json("POST", Platform.CASES + "/parameters", client,
                                "{\"workflowDefinitionId\":\"" + definitionId + "\",\"parameters\":{\"amount\":75}}")
                        .build()))
                .get("id").asText();
        return "{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\"" + definitionId + "\",\"parametersId\":\""
                + parametersId + "\"}";
    }

    /** Creates a definition and starts it; answers its id. */
    private String activeDefinition(String json) throws Exception {
        String created = Platform
                .send(Platform.json("POST", Platform.DEFINITIONS + "/definitions", designer, json).build());
        String definitionId = JSON.readTree(created).get("id").asText();
        Platform.send(
                Platform.json("POST", Platform.DEFINITIONS + "/definitions/" + definitionId + "/start", designer, "{}")
                        .build());
        return definitionId;
    }

    private static String runId(String body) {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
