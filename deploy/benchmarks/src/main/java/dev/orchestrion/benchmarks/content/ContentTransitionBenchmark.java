package dev.orchestrion.benchmarks.content;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.benchmarks.BenchmarkResult;
import dev.orchestrion.benchmarks.LoadDriver;
import dev.orchestrion.benchmarks.Platform;

/**
 * Transitions per second and latency of {@code PUT /api/v1/workflow/{type}/{id}} (seed 004's transition by name)
 * against the running platform. A fresh tenant gets a content type on the built-in {@code publishing} workflow and
 * a pool of entries; each request moves one idle entry one step around {@code draft -> review -> public -> draft},
 * so every third transition publishes (a new version and an EntryPublished event) and every third unpublishes. An
 * entry is never moved by two requests at once, so every answer should be 200; anything else shows in the status
 * counts.
 * <p>
 * Two measurements: a closed loop (the throughput the service sustains) and a fixed rate (the latency a client sees
 * at that load, counted from the scheduled send time).
 *
 * <pre>
 * ./orchestrion up
 * ./mvnw -q package -pl deploy/benchmarks -am -DskipTests
 * java -cp 'deploy/benchmarks/target/orchestrion-benchmarks.jar:deploy/benchmarks/target/lib/*' \
 *     dev.orchestrion.benchmarks.content.ContentTransitionBenchmark
 * </pre>
 *
 * Knobs (system properties): {@code orchestrion.bench.content.entries} (512), {@code .clients} (16),
 * {@code .warmupSeconds} (10), {@code .seconds} (30), {@code .rate} (transitions/s at fixed rate, 100).
 */
public final class ContentTransitionBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CYCLE = {"_draft_review", "_review_public", "_public_draft"};

    /** An entry and where it is in the cycle; owned by at most one request at a time. */
    private static final class Cursor {

        final String id;
        int step;

        Cursor(String id) {
            this.id = id;
        }
    }

    private ContentTransitionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = Integer.getInteger("orchestrion.bench.content.entries", 512);
        int clients = Integer.getInteger("orchestrion.bench.content.clients", 16);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("orchestrion.bench.content.warmupSeconds", 10));
        Duration duration = Duration.ofSeconds(Integer.getInteger("orchestrion.bench.content.seconds", 30));
        int rate = Integer.getInteger("orchestrion.bench.content.rate", 100);

        String tenant = "bench-content-" + UUID.randomUUID().toString().substring(0, 8);
        String designer = Platform.token(tenant, "designer");
        String editor = Platform.token(tenant, "content-editor");
        String type = "benchPost";
        Platform.send(Platform
                .json("PUT", Platform.CONTENT + "/api/v1/internal/contenttype/" + type, designer,
                        "{\"label\":\"Benchmark posts\",\"workflowId\":\"publishing\",\"fields\":[{\"name\":\"title\","
                                + "\"type\":\"text\",\"required\":true},{\"name\":\"body\",\"type\":\"richtext\"}]}")
                .build());
        ConcurrentLinkedQueue<Cursor> idle = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < entries; i++) {
            String created = Platform.send(Platform.json("POST", Platform.CONTENT + "/api/v1/content/" + type, editor,
                    "{\"title\":\"Entry " + i + "\",\"body\":\"" + "Lorem ipsum dolor sit amet. ".repeat(8) + "\"}")
                    .build());
            JsonNode entry = JSON.readTree(created);
            idle.add(new Cursor(entry.get("id").asText()));
        }
        System.out.printf("tenant %s: %d entries of %s on the publishing workflow%n", tenant, entries, type);

        LoadDriver.Operation transition = () -> {
            Cursor cursor = idle.poll();
            if (cursor == null) {
                // Every entry is in flight: reported as status 0 rather than queued, so it cannot hide.
                return CompletableFuture.completedFuture(0);
            }
            HttpRequest request = Platform.json("PUT", Platform.CONTENT + "/api/v1/workflow/" + type + "/" + cursor.id,
                    editor, "{\"action\":\"" + CYCLE[cursor.step] + "\"}").build();
            return Platform.status(request).whenComplete((status, error) -> {
                if (error == null && status == 200) {
                    cursor.step = (cursor.step + 1) % CYCLE.length;
                }
                idle.add(cursor);
            });
        };

        BenchmarkResult closed = LoadDriver
                .closedLoop("content: PUT /api/v1/workflow/{type}/{id}", clients, warmup, duration, transition)
                .record();
        BenchmarkResult fixed = LoadDriver
                .fixedRate("content: PUT /api/v1/workflow/{type}/{id}", rate, warmup, duration, transition).record();
        System.out.printf("transitions/s (closed loop, %d clients): %.1f, p99 %.2f ms%n", clients,
                closed.throughputPerSecond(), closed.p99Millis());
        System.out.printf("at %d transitions/s: p99 %.2f ms, p50 %.2f ms%n", rate, fixed.p99Millis(),
                fixed.p50Millis());
        System.exit(0);
    }
}
