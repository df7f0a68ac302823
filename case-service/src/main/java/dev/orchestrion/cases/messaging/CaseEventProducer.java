package dev.orchestrion.cases.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.orchestrion.cases.config.CasesConfig;
import dev.orchestrion.cases.model.PendingEvent;

/**
 * Sends case events to {@code workflow.case-events} as CloudEvents in Kafka binary mode: key = case id, the event's
 * data as the value, the attributes as {@code ce_*} headers. An idempotent producer that waits for every replica keeps
 * each case's events in order and drops the duplicates its own retries would make.
 */
@ApplicationScoped
public class CaseEventProducer {

    static final String SOURCE = "/orchestrion/case-service";

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    public CaseEventProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            CasesConfig config) {
        this.topic = config.outbox().topic();
        Duration deliveryTimeout = config.outbox().deliveryTimeout();
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "case-service-outbox");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // The relay hands over a whole round at once: a short linger fills one batch per partition without delaying it.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, deliveryTimeout.toMillis()));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        settings.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Hands the event to the producer; completes when Kafka has acknowledged it, or fails. May block while the
     * producer has no metadata for the topic (up to its {@code max.block.ms}): call it off the event loop.
     */
    public CompletableFuture<Void> send(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.eventId().toString());
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_type", event.type());
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        header(headers, "ce_subject", event.caseId().toString());
        header(headers, "ce_tenant", event.tenant());
        header(headers, "content-type", "application/json");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.caseId().toString(),
                event.payload().getBytes(StandardCharsets.UTF_8), headers);
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, failure) -> {
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

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
