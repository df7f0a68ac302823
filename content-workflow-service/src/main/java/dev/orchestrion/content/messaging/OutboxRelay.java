package dev.orchestrion.content.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.orchestrion.content.config.ContentConfig;
import dev.orchestrion.content.model.EntryEvent;
import dev.orchestrion.content.repository.EntryHistoryRepository;
import dev.orchestrion.content.repository.EntryRepository;
import dev.orchestrion.content.repository.EntryRepository.ClaimedOutbox;
import dev.orchestrion.content.repository.EntryVersionRepository;

/**
 * Empties entries' outboxes: copies versions and audit records into their collections (idempotent upserts), then
 * publishes the events in order, each acknowledged by Kafka before the next, and finally removes what it processed.
 * A change asks for its entry to be relayed at once; a periodic sweep picks up whatever is left (after a crash, or
 * while Kafka was down), so an outage delays events but never loses them. A lease on each outbox keeps two relays
 * (or two instances) from working on one entry at once; delivery is at least once, with stable event ids.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntryRepository entries;
    private final EntryVersionRepository versions;
    private final EntryHistoryRepository history;
    private final EntryEventPublisher publisher;
    private final ContentConfig config;
    private final Vertx vertx;
    private final Set<String> relaying = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private long timer = -1;

    public OutboxRelay(EntryRepository entries, EntryVersionRepository versions, EntryHistoryRepository history,
            EntryEventPublisher publisher, ContentConfig config, Vertx vertx) {
        this.entries = entries;
        this.versions = versions;
        this.history = history;
        this.publisher = publisher;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.relay().sweepInterval().toMillis(), id -> sweep());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Relays the entry's outbox now, in the background; the sweep retries whatever this cannot do. */
    public void relaySoon(String documentId) {
        relay(documentId).subscribe().with(done -> {
        }, failure -> LOG.debugf("Relay of %s deferred to the sweep: %s", documentId, failure.getMessage()));
    }

    /** One pass over outboxes that still hold items. */
    public Uni<Void> sweepOnce() {
        return entries.outboxesToRelay(Instant.now(), config.relay().batch()).onItem()
                .transformToMulti(ids -> Multi.createFrom().iterable(ids)).onItem().transformToUni(this::relay).merge(4)
                .collect().last().replaceWithVoid();
    }

    private void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        sweepOnce().onTermination().invoke(() -> sweeping.set(false)).subscribe().with(done -> {
        }, failure -> LOG.warnf("Outbox sweep failed: %s", failure.getMessage()));
    }

    private Uni<Void> relay(String documentId) {
        if (!relaying.add(documentId)) {
            // This instance is on it already; its loop picks up what was added meanwhile.
            return Uni.createFrom().voidItem();
        }
        return relayUntilEmpty(documentId).onTermination().invoke(() -> relaying.remove(documentId));
    }

    private Uni<Void> relayUntilEmpty(String documentId) {
        return entries.claimOutbox(documentId, Instant.now(), config.relay().lease()).chain(claim -> {
            if (claim == null) {
                return entries.clearEmptyOutbox(documentId);
            }
            return process(claim).chain(more -> more ? relayUntilEmpty(documentId) : Uni.createFrom().voidItem());
        });
    }

    /** Answers whether the outbox may hold more items. */
    private Uni<Boolean> process(ClaimedOutbox claim) {
        List<String> done = new ArrayList<>();
        return versions.store(claim.versions())
                .chain(() -> history.store(claim.tenant(), claim.entryId(), claim.history()))
                .invoke(() -> claim.itemIds().stream().filter(id -> !isEvent(claim, id)).forEach(done::add))
                .chain(() -> publishInOrder(claim.events(), 0, done))
                .chain(() -> entries.completeOutbox(claim, done, true)).onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Relaying the outbox of %s failed, retrying later: %s", claim.documentId(),
                            failure.getMessage());
                    return entries.postponeOutbox(claim, done, Instant.now().plus(config.relay().retryAfter()))
                            .replaceWith(false);
                });
    }

    private Uni<Void> publishInOrder(List<EntryEvent> events, int index, List<String> done) {
        if (index >= events.size()) {
            return Uni.createFrom().voidItem();
        }
        EntryEvent event = events.get(index);
        return publisher.publish(event).invoke(() -> done.add(event.id()))
                .chain(() -> publishInOrder(events, index + 1, done));
    }

    private static boolean isEvent(ClaimedOutbox claim, String itemId) {
        return claim.events().stream().anyMatch(e -> e.id().equals(itemId));
    }
}
