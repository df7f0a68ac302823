package dev.orchestrion.content.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import dev.orchestrion.content.config.ContentConfig;
import dev.orchestrion.content.model.EntryEvent;
import dev.orchestrion.content.model.Timestamps;

/**
 * Sends entry events to {@code content.entry-events} as CloudEvents 1.0 in Kafka binary mode (key: entry id), and
 * answers only once the broker acknowledged them (acks=all, idempotent producer). Short timeouts make an outage fail
 * fast, so the relay can leave the events in the outbox for a later attempt.
 */
@ApplicationScoped
public class EntryEventPublisher {

    public static final String SOURCE = "/orchestrion/content-workflow-service";

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public EntryEventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            ContentConfig config) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "content-workflow-service-outbox-relay");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        int timeout = (int) config.relay().sendTimeout().toMillis();
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
        this.topic = config.relay().topic();
    }

    public Uni<Void> publish(EntryEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.entryId(), event.data().toString());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.id());
        header(record, "ce_source", SOURCE);
        header(record, "ce_type", event.type());
        header(record, "ce_time", Timestamps.format(event.time()));
        header(record, "ce_subject", event.entryId());
        header(record, "ce_tenant", event.tenant());
        header(record, "content-type", "application/json");
        // send() may block while it waits for metadata (e.g. the broker is down): keep it off the event loop.
        return Uni.createFrom().<Void>emitter(emitter -> producer.send(record, (metadata, error) -> {
            if (error != null) {
                emitter.fail(error);
            } else {
                emitter.complete(null);
            }
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
