package dev.orchestrion.definition.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;

import dev.orchestrion.definition.model.OutboxEvent;
import dev.orchestrion.definition.repository.DefinitionRepository;
import dev.orchestrion.definition.repository.DocumentCodec;
import dev.orchestrion.definition.repository.PriorityRepository;
import dev.orchestrion.support.messaging.CloudEvent;
import dev.orchestrion.support.messaging.CloudEventWriter;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.messaging.RecordProducer;
import dev.orchestrion.support.outbox.DocumentOutbox;
import dev.orchestrion.support.outbox.OutboxRelayLoop;
import dev.orchestrion.support.outbox.RelaySettings;

/**
 * Publishes the events waiting in definition and priority documents' outboxes to {@code workflow.definition-events}
 * as CloudEvents (key and subject: the definition id, or the tenant for priority changes), in each document's
 * order, and pulls each from its document once Kafka acknowledged it. A change points the relay at its document
 * ({@link #relaySoon}); a sweep on start and every {@code orchestrion.outbox.sweep-interval} publishes whatever a
 * crash or a Kafka outage left behind. Delivery is at least once: a redelivered event keeps its {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final CloudEventWriter EVENTS = new CloudEventWriter("/orchestrion/definition-service");
    /** No lease: documents are not claimed, so two instances may publish one event twice (consumers drop it). */
    private static final DocumentOutbox.Layout LAYOUT = new DocumentOutbox.Layout("outbox", "id", null, null,
            Duration.ZERO);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final RecordProducer producer;
    private final DocumentOutbox outbox;
    private final OutboxRelayLoop<DocumentOutbox.ItemRef> loop;

    public OutboxRelay(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "orchestrion.outbox.topic", defaultValue = "workflow.definition-events") String topic,
            @ConfigProperty(name = "orchestrion.outbox.sweep-interval", defaultValue = "5s") Duration sweepInterval,
            MeterRegistry registry) {
        this.topic = topic;
        this.producer = RecordProducer.connect(bootstrapServers,
                new RecordProducer.Settings("definition-service-outbox", Duration.ofMillis(1), 65_536, DELIVERY_TIMEOUT,
                        Duration.ofSeconds(10), Duration.ofSeconds(10)));
        ReactiveMongoDatabase db = mongo.getDatabase(database);
        this.outbox = new DocumentOutbox(
                List.of(db.getCollection(DefinitionRepository.COLLECTION),
                        db.getCollection(PriorityRepository.COLLECTION)),
                LAYOUT, item -> List.of(record(DocumentCodec.outboxEvent(item))));
        this.loop = new OutboxRelayLoop<>(outbox, producer, new RelaySettings("definition-service", 200, sweepInterval,
                Duration.ofSeconds(1), DELIVERY_TIMEOUT.plusSeconds(30)), registry);
    }

    void onStart(@Observes StartupEvent event) {
        loop.start();
    }

    /** Publishes the document's pending events soon, in the background; the sweep retries what this cannot. */
    public void relaySoon(String collection, String documentId) {
        outbox.changed(collection, documentId);
        loop.wake();
    }

    private OutgoingRecord record(OutboxEvent event) {
        return EVENTS.record(topic, event.key(),
                new CloudEvent(event.id(), event.type(), event.time(), event.key(), event.tenant()),
                new Document(event.data()).toJson());
    }

    @PreDestroy
    void stop() {
        loop.stop();
        producer.close();
    }
}
