package dev.orchestrion.cases.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Forgets expired Idempotency-Keys, in batches, so that the table holds only keys a client may still reuse. */
@ApplicationScoped
public class IdempotencyKeyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeys keys;

    public IdempotencyKeyCleanup(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(every = "${cases.idempotency.cleanup-interval:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return removeExpired().onFailure().recoverWithItem(e -> {
            LOG.warnf("Could not remove expired idempotency keys: %s", e.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    /** Deletes every key expired by now; answers how many. */
    public Uni<Integer> removeExpired() {
        Instant now = Instant.now();
        return removeFrom(now, 0);
    }

    private Uni<Integer> removeFrom(Instant now, int removedSoFar) {
        return keys.deleteExpired(now)
                .chain(removed -> removed < keys.cleanupBatchSize()
                        ? Uni.createFrom().item(removedSoFar + removed)
                        : removeFrom(now, removedSoFar + removed));
    }
}
