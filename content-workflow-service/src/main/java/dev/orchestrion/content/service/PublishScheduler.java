package dev.orchestrion.content.service;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.orchestrion.content.config.ContentConfig;
import dev.orchestrion.content.entry.EntryChanges;
import dev.orchestrion.content.messaging.OutboxRelay;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.repository.EntryRepository;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.StaleVersion;

/**
 * Carries out due publish and unpublish schedules, safely with several instances: each due entry is claimed with an
 * atomic findOneAndUpdate lease, so one instance handles it; the change itself is a versioned update, so a user's
 * concurrent change wins and the entry is simply looked at again on the next tick. Also finishes content types'
 * workflow migrations that a stopped instance left pending.
 */
@ApplicationScoped
public class PublishScheduler {

    private static final Logger LOG = Logger.getLogger(PublishScheduler.class);

    private final EntryRepository entries;
    private final WorkflowDefinitionService workflows;
    private final ContentTypeService types;
    private final OutboxRelay relay;
    private final ContentConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public PublishScheduler(EntryRepository entries, WorkflowDefinitionService workflows, ContentTypeService types,
            OutboxRelay relay, ContentConfig config, Vertx vertx) {
        this.entries = entries;
        this.workflows = workflows;
        this.types = types;
        this.relay = relay;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.scheduler().interval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        runDue(config.scheduler().batch())
                .chain(() -> types.resumeMigrations().onFailure()
                        .invoke(e -> LOG.warnf("Resuming workflow migrations failed: %s", e.getMessage())))
                .onTermination().invoke(() -> running.set(false)).subscribe().with(done -> {
                }, failure -> LOG.warnf("Schedule tick failed: %s", failure.getMessage()));
    }

    /** Handles due entries one at a time until none is due (or {@code budget} are done). */
    public Uni<Void> runDue(int budget) {
        if (budget <= 0) {
            return Uni.createFrom().voidItem();
        }
        Instant now = EntryService.now();
        return entries.claimDue(now, config.scheduler().lease()).chain(entry -> {
            if (entry == null) {
                return Uni.createFrom().voidItem();
            }
            return handle(entry, now).chain(() -> runDue(budget - 1));
        });
    }

    private Uni<Void> handle(Entry entry, Instant now) {
        return workflows.machine(entry.tenant(), entry.workflowId()).chain(machine -> EntryChanges
                .due(entry, machine, now)
                .map(change -> entries.apply(entry, change, now, true)
                        .invoke(after -> relay.relaySoon(EntryRepository.documentId(after.tenant(), after.id())))
                        .replaceWithVoid())
                .orElseGet(() -> entries.releaseSchedule(entry))).onFailure().recoverWithUni(failure -> {
                    if (failure instanceof StaleVersion || failure instanceof Conflict) {
                        // Someone changed the entry meanwhile: look at it again on the next tick.
                        return entries.releaseSchedule(entry);
                    }
                    LOG.warnf("Schedule of entry %s failed (%s); retried when its claim expires", entry.id(),
                            failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
