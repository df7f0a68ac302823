package dev.orchestrion.runner.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/**
 * The runner's one Kafka producer: idempotent, acks from all replicas, batching tuned for latency (a short linger
 * lets one batch carry the records of many runs). Sends answer when the broker acknowledged every record.
 */
@ApplicationScoped
public class RecordProducer {

    private final KafkaProducer<String, String> producer;

    public RecordProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "orchestrion.runner.producer.linger-ms", defaultValue = "2") int lingerMs) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "runner-service-" + ProcessHandle.current().pid());
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends the records; the Uni completes when all are acknowledged, or fails with the first error. */
    public Uni<Void> send(List<OutboundRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> {
            AtomicInteger pending = new AtomicInteger(records.size());
            try {
                for (OutboundRecord record : records) {
                    ProducerRecord<String, String> producerRecord = new ProducerRecord<>(record.topic(), record.key(),
                            record.value());
                    for (Map.Entry<String, String> header : record.headers().entrySet()) {
                        producerRecord.headers().add(header.getKey(),
                                header.getValue().getBytes(StandardCharsets.UTF_8));
                    }
                    producer.send(producerRecord, (metadata, error) -> {
                        if (error != null) {
                            emitter.fail(error);
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

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
