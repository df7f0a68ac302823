package dev.orchestrion.runner.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.observability.RunMetrics;
import dev.orchestrion.runner.repository.OutboxRepository;
import dev.orchestrion.runner.scheduling.Periodic;
import dev.orchestrion.runner.scheduling.ShuttingDown;

/**
 * Publishes outbox rows. The writer hands each committed row over right away ({@link #publish}): no polling delay.
 * Published rows are deleted in batches. A sweep publishes rows that stayed behind (a crash between commit and
 * publish, or a Kafka outage); a record may then go out twice, which every consumer tolerates (stable ce_id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final RecordProducer producer;
    private final OutboxRepository outbox;
    private final Pool pool;
    private final RunnerConfig config;
    private final RunMetrics metrics;
    private final ConcurrentLinkedQueue<Long> published = new ConcurrentLinkedQueue<>();

    public OutboxRelay(RecordProducer producer, OutboxRepository outbox, Pool pool, RunnerConfig config,
            RunMetrics metrics) {
        this.producer = producer;
        this.outbox = outbox;
        this.pool = pool;
        this.config = config;
        this.metrics = metrics;
    }

    /** Publishes a committed row; on failure the row stays for the sweep. Never fails. */
    public Uni<Void> publish(long outboxId, List<OutboundRecord> records) {
        return producer.send(records).invoke(() -> published.add(outboxId)).onFailure().invoke(
                e -> LOG.warnf("Outbox row %d not published yet (%s); the sweep will retry", outboxId, e.getMessage()))
                .onFailure().recoverWithNull();
    }

    void startCleanup(@Observes StartupEvent startup, Vertx vertx) {
        Periodic.every(vertx, Duration.ofMillis(100), "outbox cleanup", this::deletePublished);
    }

    Uni<Void> deletePublished() {
        if (published.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Long> ids = new ArrayList<>();
        Long id;
        while (ids.size() < 5000 && (id = published.poll()) != null) {
            ids.add(id);
        }
        return outbox.remove(pool, ids).onFailure().invoke(e -> published.addAll(ids)).onFailure().recoverWithNull();
    }

    @Scheduled(skipExecutionIf = ShuttingDown.class, every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
    Uni<Void> sweep() {
        Instant before = Instant.now().minus(config.outboxSweepAge());
        return pool.withTransaction(tx -> outbox.lockOlderThan(tx, before, 500).chain(entries -> {
            if (entries.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<OutboundRecord> records = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (OutboxRepository.Entry entry : entries) {
                records.addAll(entry.records());
                ids.add(entry.id());
            }
            LOG.infof("Sweeping %d outbox rows (%d records)", ids.size(), records.size());
            return producer.send(records).ifNoItem().after(Duration.ofSeconds(30)).fail()
                    .chain(() -> outbox.remove(tx, ids));
        })).chain(() -> outbox.count(pool)).invoke(metrics::outboxBacklog).onFailure()
                .invoke(e -> LOG.warnf("Outbox sweep failed: %s", e.getMessage())).onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
