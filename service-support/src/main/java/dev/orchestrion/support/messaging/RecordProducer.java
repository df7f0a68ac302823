package dev.orchestrion.support.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.mutiny.Uni;

/**
 * A service's one Kafka producer: idempotent and acknowledged by every in-sync replica, so that its own retries
 * neither duplicate nor reorder the records of a partition. Answers only once the broker acknowledged a record.
 * {@code send} may block while the producer has no metadata for a topic (up to {@code max.block.ms}).
 */
public final class RecordProducer implements AutoCloseable {

    /**
     * How a service tunes its producer.
     *
     * @param clientId the producer's {@code client.id}, for the broker's logs and metrics
     * @param linger how long a batch may wait for more records ({@code linger.ms}); short, records wait for it
     * @param batchBytes the largest batch per partition ({@code batch.size})
     * @param deliveryTimeout how long a record may take to be acknowledged, retries included
     * @param requestTimeout how long one request may take
     * @param maxBlock how long {@code send} may block for metadata or buffer space
     */
    public record Settings(String clientId, Duration linger, int batchBytes, Duration deliveryTimeout,
            Duration requestTimeout, Duration maxBlock) {
    }

    private final Producer<String, String> producer;

    /** Over a given producer (a {@code MockProducer} in tests of what uses it). */
    public RecordProducer(Producer<String, String> producer) {
        this.producer = producer;
    }

    /** Connects an idempotent producer to {@code bootstrapServers}. */
    public static RecordProducer connect(String bootstrapServers, Settings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // At most 5 in flight: the idempotent producer keeps each partition's order through its retries.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, settings.batchBytes());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
        config.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        return new RecordProducer(new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
    }

    /** Hands the record over; the future completes when Kafka acknowledged it, or fails. Never throws. */
    public CompletableFuture<Void> sendOne(OutgoingRecord record) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record.toProducerRecord(), (metadata, failure) -> {
                if (failure != null) {
                    acknowledged.completeExceptionally(failure);
                } else {
                    acknowledged.complete(null);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /** Hands the records over in order; one future each, completing as {@link #sendOne} does. */
    public List<CompletableFuture<Void>> sendEach(List<OutgoingRecord> records) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
        for (OutgoingRecord record : records) {
            acks.add(sendOne(record));
        }
        return acks;
    }

    /** Sends the records in order; completes when Kafka acknowledged all of them, or fails with the first failure. */
    public Uni<Void> send(List<OutgoingRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> {
            AtomicInteger pending = new AtomicInteger(records.size());
            try {
                for (OutgoingRecord record : records) {
                    producer.send(record.toProducerRecord(), (metadata, failure) -> {
                        if (failure != null) {
                            emitter.fail(failure);
                        } else if (pending.decrementAndGet() == 0) {
                            emitter.complete(null);
                        }
                    });
                }
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        });
    }

    /** Waits up to {@code timeout} for what was handed over, then closes. */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
