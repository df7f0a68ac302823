package dev.orchestrion.runner.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.messaging.RecordProducer;
import dev.orchestrion.support.outbox.OutboxRelayLoop;
import dev.orchestrion.support.outbox.RelaySettings;
import dev.orchestrion.support.outbox.TableOutbox;

/**
 * Publishes outbox rows through the shared relay loop. The writer hands each committed row over right away
 * ({@link #publish}): no polling delay on the run path. Published rows are deleted in batches. A sweep (on start and
 * every 2 s) publishes rows older than {@code orchestrion.runner.outbox-sweep-age} that stayed behind (a crash
 * between commit and publish, or a Kafka outage); a record may then go out twice, which every consumer tolerates
 * (stable ce_id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(2);
    private static final int SWEEP_BATCH = 500;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxRelayLoop<Long> loop;

    public OutboxRelay(RecordProducer producer, Pool pool, RunnerConfig config, MeterRegistry registry) {
        this.loop = new OutboxRelayLoop<>(
                new TableOutbox(pool, OutboxRepository.TABLE, config.outboxSweepAge(), OutboxRepository::records),
                producer, new RelaySettings("runner-service", SWEEP_BATCH, SWEEP_INTERVAL, Duration.ofSeconds(1),
                        DELIVERY_TIMEOUT.plusSeconds(30)),
                registry);
    }

    void start(@Observes StartupEvent startup) {
        loop.start();
    }

    /** Stops sweeping as shutdown begins, before the connection pool closes under an in-flight batch. */
    void stop(@Observes ShutdownEvent shutdown) {
        loop.stop();
    }

    /** Rows waiting to be published at the last sweep (the {@code orchestrion_outbox_backlog} gauge). */
    public long backlog() {
        return loop.backlog();
    }

    /** Publishes a committed row; on failure the row stays for the sweep. Never fails. */
    public Uni<Void> publish(long outboxId, List<OutgoingRecord> records) {
        return loop.publishCommitted(outboxId, records);
    }
}
