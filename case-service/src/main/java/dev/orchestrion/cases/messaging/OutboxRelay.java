package dev.orchestrion.cases.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.cases.config.CasesConfig;
import dev.orchestrion.cases.model.PendingEvent;
import dev.orchestrion.cases.repository.OutboxRepository;
import dev.orchestrion.support.messaging.CloudEvent;
import dev.orchestrion.support.messaging.CloudEventWriter;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.messaging.RecordProducer;
import dev.orchestrion.support.outbox.OutboxRelayLoop;
import dev.orchestrion.support.outbox.RelaySettings;
import dev.orchestrion.support.outbox.TableOutbox;

/**
 * Publishes the case outbox to {@code workflow.case-events} as CloudEvents (key and subject: the case id) through
 * the shared relay loop: woken right after a change commits, swept every {@code cases.outbox.sweep-interval} for
 * what a crash or a Kafka outage left behind. Rounds go in {@code seq} order, one at a time across instances, so
 * each case's events reach its partition in commit order; an event Kafka did not acknowledge stays and is sent again,
 * with the same {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final CloudEventWriter EVENTS = new CloudEventWriter("/orchestrion/case-service");

    private final RecordProducer producer;
    private final OutboxRelayLoop<Long> loop;
    private final String topic;

    public OutboxRelay(Pool pool, CasesConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        CasesConfig.Outbox outbox = config.outbox();
        Duration deliveryTimeout = outbox.deliveryTimeout();
        this.topic = outbox.topic();
        // The relay hands over a whole round at once: a short linger fills one batch per partition without delaying it.
        this.producer = RecordProducer.connect(bootstrapServers,
                new RecordProducer.Settings("case-service-outbox", Duration.ofMillis(1), 262_144, deliveryTimeout,
                        Duration.ofMillis(Math.min(10_000, deliveryTimeout.toMillis())), Duration.ofSeconds(10)));
        this.loop = new OutboxRelayLoop<>(
                new TableOutbox(pool, OutboxRepository.TABLE, Duration.ZERO,
                        row -> List.of(record(OutboxRepository.pendingEvent(row)))),
                producer, new RelaySettings("case-service", outbox.batchSize(), outbox.sweepInterval(),
                        outbox.retryBackoff(), deliveryTimeout.plusSeconds(30)),
                registry);
    }

    void onStart(@Observes StartupEvent event) {
        loop.start();
    }

    /** Asks for a round soon; cheap, never blocks, and coalesces with a round already running. */
    public void wake() {
        loop.wake();
    }

    private OutgoingRecord record(PendingEvent event) {
        String caseId = event.caseId().toString();
        return EVENTS.record(topic, caseId,
                new CloudEvent(event.eventId().toString(), event.type(), event.occurredAt(), caseId, event.tenant()),
                event.payload());
    }

    @PreDestroy
    void stop() {
        loop.stop();
        producer.close();
    }
}
