package dev.orchestrion.content.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.config.ContentConfig;
import dev.orchestrion.content.model.EntryEvent;
import dev.orchestrion.content.repository.EntryOutbox;
import dev.orchestrion.support.messaging.CloudEvent;
import dev.orchestrion.support.messaging.CloudEventWriter;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.messaging.RecordProducer;
import dev.orchestrion.support.outbox.DocumentOutbox;
import dev.orchestrion.support.outbox.OutboxRelayLoop;
import dev.orchestrion.support.outbox.RelaySettings;

/**
 * Empties entries' outboxes through the shared relay loop: copies versions and audit records into their collections
 * (idempotent upserts), then publishes the events to {@code content.entry-events} as CloudEvents (key and subject:
 * the entry id), in order, and finally removes what Kafka acknowledged. A change points the relay at its entry
 * ({@link #relaySoon}); a sweep on start and every {@code content.relay.sweep-interval} picks up whatever is left
 * (after a crash, or while Kafka was down), so an outage delays events but never loses them. A lease on each outbox
 * keeps two instances from working on one entry at once; delivery is at least once, with stable event ids.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final CloudEventWriter EVENTS = new CloudEventWriter("/orchestrion/content-workflow-service");

    private final String topic;
    private final RecordProducer producer;
    private final DocumentOutbox outbox;
    private final OutboxRelayLoop<DocumentOutbox.ItemRef> loop;

    public OutboxRelay(EntryOutbox entries, ContentConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        ContentConfig.Relay relay = config.relay();
        this.topic = relay.topic();
        // Short timeouts make an outage fail fast, so the relay leaves the events in the outbox for a later attempt.
        Duration timeout = relay.sendTimeout();
        this.producer = RecordProducer.connect(bootstrapServers,
                new RecordProducer.Settings("content-workflow-service-outbox-relay", Duration.ofMillis(1), 16_384,
                        timeout, timeout.dividedBy(2), timeout.dividedBy(2)));
        this.outbox = new DocumentOutbox(List.of(entries.collection()), EntryOutbox.layout(relay.lease()),
                new DocumentOutbox.Items() {

                    @Override
                    public List<OutgoingRecord> records(Document item) {
                        EntryEvent event = EntryOutbox.event(item);
                        return event == null ? List.of() : List.of(record(event));
                    }

                    @Override
                    public Uni<Void> prepare(String collection, Document entry) {
                        return entries.copyOutRecords(entry);
                    }
                });
        this.loop = new OutboxRelayLoop<>(outbox, producer, new RelaySettings("content-workflow-service", relay.batch(),
                relay.sweepInterval(), relay.retryAfter(), timeout.plusSeconds(30)), registry);
    }

    void start(@Observes StartupEvent startup) {
        loop.start();
    }

    /** Relays the entry's outbox soon, in the background; the sweep retries whatever this cannot do. */
    public void relaySoon(String documentId) {
        outbox.changed(EntryOutbox.COLLECTION, documentId);
        loop.wake();
    }

    private OutgoingRecord record(EntryEvent event) {
        return EVENTS.record(topic, event.entryId(),
                new CloudEvent(event.id(), event.type(), event.time(), event.entryId(), event.tenant()),
                event.data().toString());
    }

    @PreDestroy
    void stop() {
        loop.stop();
        producer.close();
    }
}
