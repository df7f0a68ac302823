package dev.orchestrion.benchmarks.runner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches {@code workflow.run-events} for runs ending, as any downstream consumer would: a benchmark asks for the
 * moment a run's RunCompleted (or RunFailed) reached a consumer, or how many RunCompleted events of a tenant (its
 * {@code ce_tenant} header) were consumed so far. Reads every partition from its end, outside any consumer group.
 */
final class RunCompletions implements AutoCloseable {

    private static final String COMPLETED = "dev.orchestrion.run.completed";

    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    private final Map<String, String> ended = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> completedByTenant = new ConcurrentHashMap<>();
    /** False when only counts are asked for: then the ends of runs nobody waits for are not kept. */
    private final boolean awaitable;
    private final Thread poller;
    private volatile boolean running = true;

    RunCompletions(String bootstrapServers) {
        this(bootstrapServers, true);
    }

    /** A watcher that only counts RunCompleted events per tenant ({@link #completedOf}). */
    static RunCompletions counting(String bootstrapServers) {
        return new RunCompletions(bootstrapServers, false);
    }

    private RunCompletions(String bootstrapServers, boolean awaitable) {
        this.awaitable = awaitable;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // only the key and headers are read: values stay bytes, never decoded
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor("workflow.run-events").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        String kind = header(record, "ce_type");
                        if (kind.equals(COMPLETED)) {
                            completedByTenant.computeIfAbsent(header(record, "ce_tenant"), t -> new LongAdder())
                                    .increment();
                        }
                        if (kind.equals(COMPLETED) || kind.equals("dev.orchestrion.run.failed")
                                || kind.equals("dev.orchestrion.run.cancelled")) {
                            String status = kind.substring(kind.lastIndexOf('.') + 1);
                            CompletableFuture<String> future = waiting.remove(record.key());
                            if (future != null) {
                                future.complete(status);
                            } else if (awaitable) {
                                ended.put(record.key(), status);
                            }
                        }
                    }
                }
            }
        }, "run-completions");
        poller.setDaemon(true);
        poller.start();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** RunCompleted events of {@code tenant} consumed since this watcher started. */
    long completedOf(String tenant) {
        LongAdder count = completedByTenant.get(tenant);
        return count == null ? 0 : count.sum();
    }

    /** Completes with {@code completed}, {@code failed} or {@code cancelled} when the run's end event arrives. */
    CompletableFuture<String> ended(String runId) {
        if (!awaitable) {
            throw new IllegalStateException("A counting watcher keeps no run ends to wait for");
        }
        String already = ended.remove(runId);
        if (already != null) {
            return CompletableFuture.completedFuture(already);
        }
        CompletableFuture<String> future = waiting.computeIfAbsent(runId, id -> new CompletableFuture<>());
        // The end may have arrived between the two lookups.
        String raced = ended.remove(runId);
        if (raced != null) {
            waiting.remove(runId);
            future.complete(raced);
        }
        return future;
    }

    @Override
    public void close() {
        running = false;
    }
}
