package dev.orchestrion.runner.run.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.background.Periodic;
import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.engine.EngineCommand;
import dev.orchestrion.runner.events.RunCommands;
import dev.orchestrion.runner.outbox.OutboxRelay;
import dev.orchestrion.runner.outbox.OutboxRepository;
import dev.orchestrion.runner.run.repository.TimerRepository;
import dev.orchestrion.support.messaging.OutgoingRecord;

/**
 * Fires due timers: in one transaction it takes them out of {@code run_timers} (skipping rows another instance has
 * locked) and writes their ResumeRun commands to the outbox, so each timer fires once however many instances
 * poll, and no firing is lost to a crash.
 */
@ApplicationScoped
public class TimerPoller {

    private static final Logger LOG = Logger.getLogger(TimerPoller.class);
    private static final int BATCH = 1000;

    private final Pool pool;
    private final TimerRepository timers;
    private final OutboxRepository outbox;
    private final OutboxRelay relay;

    public TimerPoller(Pool pool, TimerRepository timers, OutboxRepository outbox, OutboxRelay relay) {
        this.pool = pool;
        this.timers = timers;
        this.outbox = outbox;
        this.relay = relay;
    }

    void start(@Observes StartupEvent startup, Vertx vertx, RunnerConfig config) {
        Periodic.every(vertx, config.timerPollInterval(), "timer poll", this::fireDueTimers);
    }

    Uni<Void> fireDueTimers() {
        Instant now = Instant.now();
        return pool.withTransaction(tx -> timers.takeDue(tx, now, BATCH).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().<Fired>nullItem();
            }
            List<OutgoingRecord> records = new ArrayList<>(due.size());
            for (TimerRepository.Timer timer : due) {
                records.add(RunCommands.of(timer.runId(), timer.tenant(), new EngineCommand.TimerFired(timer.waitId()),
                        now));
            }
            return outbox.add(tx, records).map(id -> new Fired(id, records));
        })).chain(
                fired -> fired == null ? Uni.createFrom().voidItem() : relay.publish(fired.outboxId(), fired.records()))
                .onFailure().invoke(e -> LOG.warnf("Timer poll failed: %s", e.getMessage())).onFailure()
                .recoverWithNull().replaceWithVoid();
    }

    private record Fired(long outboxId, List<OutgoingRecord> records) {
    }
}
