package dev.orchestrion.benchmarks.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import dev.orchestrion.benchmarks.BenchmarkResult;
import dev.orchestrion.benchmarks.LeanHttp;
import dev.orchestrion.benchmarks.LoadDriver;
import dev.orchestrion.benchmarks.Platform;

/**
 * Webhook delivery latency of runner-service (issue 6): from a run's completion (the {@code endedAt} its RunCompleted
 * event carries) to the moment a receiver inside this process has the signed delivery, while runs of the reference
 * workflow are requested at a fixed rate (500/s by default) through {@code POST /workflows/run}.
 *
 * <p>
 * Part 1: one receiver that answers at once. Part 2: the same load with a second subscription whose receiver takes
 * 5 s to answer each delivery; the fast receiver's latency should not change (each subscription has its own
 * in-flight slots, and a delivery that finds none waits in the database, not in front of other receivers).
 *
 * <p>
 * Needs {@code ./orchestrion up} (which allows webhooks to loopback targets):
 * {@code java -cp 'deploy/benchmarks/target/orchestrion-benchmarks.jar:deploy/benchmarks/target/lib/*' dev.orchestrion.benchmarks.runner.WebhookDeliveryBenchmark [rate] [seconds] [slow-answer-seconds]}
 * (defaults 500, 30, 5). Results go to {@code target/benchmarks/results.jsonl}.
 */
public final class WebhookDeliveryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WARMUP = Duration.ofSeconds(10);

    private WebhookDeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Duration duration = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 30);
        Duration slowAnswer = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 5);
        String tenant = "bench-webhooks-" + System.currentTimeMillis();
        String token = Platform.token(tenant, "admin", "designer", "operator", "client");

        String definitionId = startReferenceWorkflow(token);
        String caseId = id(Platform.send(Platform.json("POST", Platform.CASES + "/cases", token, "{}").build()));
        String parametersId = id(
                Platform.send(Platform
                        .json("POST", Platform.CASES + "/parameters", token,
                                "{\"workflowDefinitionId\":\"" + definitionId + "\",\"parameters\":{\"amount\":21}}")
                        .build()));
        String runBody = "{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\"" + definitionId
                + "\",\"parametersId\":\"" + parametersId + "\"}";
        LoadDriver.Operation run = () -> Platform
                .status(Platform.json("POST", Platform.RUNNER + "/workflows/run", token, runBody).build());

        try (Receiver fast = new Receiver("fast", Duration.ZERO, 64);
                Receiver slow = new Receiver("slow", slowAnswer, 256)) {
            subscribe(token, fast.url());

            // Part 1: one receiver, answering at once.
            measure("webhooks.delivery latency, one receiver", rate, duration, run, fast);

            // Part 2: another subscription whose receiver takes slowAnswer to answer every delivery.
            String slowSubscription = subscribe(token, slow.url());
            measure("webhooks.delivery latency, beside a " + slowAnswer.toSeconds() + " s receiver", rate, duration,
                    run, fast);
            System.out.printf("the slow receiver got %d deliveries (answering each after %d s)%n", slow.received(),
                    slowAnswer.toSeconds());
            // its backlog (pending deliveries) goes with the subscription
            Platform.send(Platform.request(Platform.RUNNER + "/webhooks/" + slowSubscription, token).DELETE().build());
        }
        System.out.println("tenant " + tenant);
        System.exit(0);
    }

    /**
     * Requests runs at {@code rate} for warm-up plus {@code duration}, and records the delivery latency of the runs
     * that ended during the measured part. Reports it as a result (with the run requests' own latency beside it).
     */
    private static void measure(String name, int rate, Duration duration, LoadDriver.Operation run, Receiver receiver)
            throws InterruptedException {
        Instant from = Instant.now().plus(WARMUP);
        Instant to = from.plus(duration);
        receiver.measure(from, to);
        BenchmarkResult requests = LoadDriver.fixedRate("runs.request (" + name + ")", rate, WARMUP, duration, run)
                .record();
        // let the last deliveries of the measured runs arrive
        long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long measuredRuns = Math.round(requests.throughputPerSecond() * duration.toSeconds());
        while (receiver.measured() < measuredRuns && System.nanoTime() < drainUntil) {
            Thread.sleep(100);
        }
        receiver.stopMeasuring();
        var histogram = receiver.latencies();
        new BenchmarkResult(name, rate + "/s runs, RunCompleted to receiver", duration.toNanos() / 1e9,
                histogram.getTotalCount(), receiver.duplicates(),
                histogram.getTotalCount() / (double) duration.toSeconds(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(90) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0, new TreeMap<>(Map.of(200, histogram.getTotalCount())),
                // the deliveries measured are those of runs that ended in the requests' window
                requests.idleShare(), Map.of(), Instant.now().toString()).record();
        System.out.printf(
                "%s: %d deliveries of runs ended in the window (%d runs accepted), %d duplicate webhook-ids%n", name,
                histogram.getTotalCount(), requests.operations() - requests.errors(), receiver.duplicates());
    }

    private static String startReferenceWorkflow(String token) throws IOException {
        Path example = repositoryRoot().resolve("docs/examples/reference-workflow.json");
        ObjectNode definition = (ObjectNode) JSON.readTree(Files.readString(example));
        definition.put("name", "Webhook benchmark " + System.currentTimeMillis());
        String id = id(Platform.send(
                Platform.json("POST", Platform.DEFINITIONS + "/definitions", token, definition.toString()).build()));
        Platform.send(Platform.json("POST", Platform.DEFINITIONS + "/definitions/" + id + "/start", token, "").build());
        return id;
    }

    private static String subscribe(String token, String url) {
        return id(Platform.send(Platform.json("POST", Platform.RUNNER + "/webhooks", token,
                "{\"url\":\"" + url + "\",\"events\":[\"run.completed\"]}").build()));
    }

    private static String id(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/examples/reference-workflow.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from within the repository (docs/examples is needed)");
        }
        return dir;
    }

    /**
     * A webhook receiver in this process: answers after {@code answerAfter}, and while measuring records, for each
     * delivery of a run that ended within the window, the time from the run's end to the delivery's arrival.
     */
    static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final Duration answerAfter;
        private final Recorder recorder = new Recorder(3);
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong measured = new AtomicLong();
        private final AtomicLong received = new AtomicLong();
        private final AtomicBoolean measuring = new AtomicBoolean();
        private volatile Instant from = Instant.MAX;
        private volatile Instant to = Instant.MIN;

        /**
         * A Vert.x server on the load generator's event loop: it reads the body, records it when measuring, and
         * answers 200 (after {@code answerAfter} on a timer, never holding a thread). {@code threads} is kept for the
         * callers: a Vert.x server needs none.
         */
        Receiver(String name, Duration answerAfter, int threads) throws IOException {
            this.answerAfter = answerAfter;
            this.server = LeanHttp.vertx().createHttpServer(
                    new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true).setAcceptBacklog(1024));
            server.requestHandler(this::handle);
            try {
                server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("The " + name + " receiver could not listen", e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.actualPort() + "/webhooks";
        }

        void measure(Instant windowFrom, Instant windowTo) {
            recorder.reset();
            seen.clear();
            duplicates.set(0);
            measured.set(0);
            from = windowFrom;
            to = windowTo;
            measuring.set(true);
        }

        void stopMeasuring() {
            measuring.set(false);
        }

        org.HdrHistogram.Histogram latencies() {
            return recorder.getIntervalHistogram();
        }

        long measured() {
            return measured.get();
        }

        long duplicates() {
            return duplicates.get();
        }

        long received() {
            return received.get();
        }

        private void handle(HttpServerRequest request) {
            Instant arrived = Instant.now();
            received.incrementAndGet();
            request.body().onSuccess(body -> {
                if (measuring.get()) {
                    record(arrived, request.getHeader("webhook-id"), body.getBytes());
                }
                if (answerAfter.isZero()) {
                    request.response().setStatusCode(200).end();
                } else {
                    LeanHttp.vertx().setTimer(answerAfter.toMillis(),
                            id -> request.response().setStatusCode(200).end());
                }
            }).onFailure(e -> request.response().setStatusCode(400).end());
        }

        private void record(Instant arrived, String webhookId, byte[] body) {
            try {
                JsonNode delivery = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                Instant ended = Instant.parse(delivery.path("data").path("endedAt").asText());
                if (ended.isBefore(from) || ended.isAfter(to)) {
                    return;
                }
                if (!seen.add(webhookId)) {
                    duplicates.incrementAndGet();
                    return;
                }
                measured.incrementAndGet();
                recorder.recordValue(Math.max(1, Duration.between(ended, arrived).toNanos() / 1000));
            } catch (IOException | RuntimeException e) {
                System.err.println("Unreadable delivery: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
