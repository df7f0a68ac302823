package dev.orchestrion.runner.schedule.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

import dev.orchestrion.runner.background.Periodic;
import dev.orchestrion.runner.background.ShuttingDown;
import dev.orchestrion.runner.config.ScheduleConfig;
import dev.orchestrion.runner.model.RunOrder;
import dev.orchestrion.runner.run.service.RunRequestService;
import dev.orchestrion.runner.run.service.SystemCases;
import dev.orchestrion.runner.schedule.repository.ScheduleRepository;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Fires schedule triggers. Every instance ticks; the database decides: due schedules are locked
 * ({@code FOR UPDATE SKIP LOCKED}), each tick's firing is decided and recorded ({@code schedule_firings}, one row per
 * definition and tick) and the schedule moved to its next tick, all in one transaction, so a tick fires once however
 * many instances run. The run is started after the commit with an idempotency key of the definition and tick; a firing
 * whose run could not be started (a crash, a peer outage) stays PENDING and a sweep starts it later.
 *
 * <p>
 * Schedule-triggered runs are for the definition's system case (see {@link SystemCases}); their {@code trigger} is
 * {@code {kind: "schedule", tick, missed}}.
 */
@ApplicationScoped
public class ScheduleTicker {

    private static final Logger LOG = Logger.getLogger(ScheduleTicker.class);
    private static final int BATCH = 100;

    private final Pool pool;
    private final ScheduleRepository schedules;
    private final SystemCases systemCases;
    private final RunRequestService requests;
    private final ScheduleConfig config;

    public ScheduleTicker(Pool pool, ScheduleRepository schedules, SystemCases systemCases, RunRequestService requests,
            ScheduleConfig config) {
        this.pool = pool;
        this.schedules = schedules;
        this.systemCases = systemCases;
        this.requests = requests;
        this.config = config;
    }

    /** Ticks on a Vert.x timer: Quarkus's scheduler cannot go below a second, and a one-second tick runs late. */
    void startTicking(@Observes StartupEvent startup, io.vertx.core.Vertx vertx) {
        Periodic.every(vertx, config.tickInterval(), "schedule tick", this::tick);
    }

    Uni<Void> tick() {
        Instant now = Instant.now();
        return pool
                .withTransaction(tx -> schedules.lockDue(tx, now, BATCH)
                        .chain(due -> Multi.createFrom().iterable(due).onItem()
                                .transformToUniAndConcatenate(schedule -> decide(tx, schedule, now)).collect()
                                .asList()))
                .chain(this::startAll).onFailure().invoke(e -> LOG.warnf("Schedule tick failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Firings a crash or an outage left PENDING: their runs are started now (idempotently). */
    @Scheduled(skipExecutionIf = ShuttingDown.class, every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweepPending() {
        Instant now = Instant.now();
        return schedules.takePending(pool, now.minus(config.pendingFiringRetry()), now, BATCH).chain(this::startAll)
                .onFailure().invoke(e -> LOG.warnf("Pending firing sweep failed: %s", e.getMessage())).onFailure()
                .recoverWithNull().replaceWithVoid();
    }

    private Uni<ScheduleRepository.PendingFiring> decide(SqlClient tx, ScheduleRepository.DueSchedule schedule,
            Instant now) {
        ScheduleSpec spec;
        try {
            spec = ScheduleSpec.parse(schedule.trigger());
        } catch (RuntimeException e) {
            LOG.warnf("Schedule of %s unreadable (%s); it stops", schedule.definitionId(), e.getMessage());
            return schedules.remove(tx, schedule.definitionId())
                    .map(ignored -> (ScheduleRepository.PendingFiring) null);
        }
        FiringDecision decision = FiringDecision.decide(spec, schedule.anchorAt(), schedule.nextFireAt(), now,
                config.missedAfter());
        Uni<ScheduleRepository.PendingFiring> firing;
        if (decision.tick() == null) {
            firing = Uni.createFrom().nullItem();
        } else if (spec.singleInstance()) {
            firing = schedules.previousRunGoing(tx, schedule.definitionId()).chain(going -> {
                if (!going) {
                    return record(tx, schedule, decision, now);
                }
                return schedules
                        .insertFiring(tx, schedule.definitionId(), decision.tick(), schedule.tenant(), "SKIPPED",
                                decision.missed(), "The previous run is still going (singleInstance)", now)
                        .map(ignored -> (ScheduleRepository.PendingFiring) null);
            });
        } else {
            firing = record(tx, schedule, decision, now);
        }
        return firing.call(() -> schedules.advance(tx, schedule.definitionId(), decision.nextFireAt(), now));
    }

    private Uni<ScheduleRepository.PendingFiring> record(SqlClient tx, ScheduleRepository.DueSchedule schedule,
            FiringDecision decision, Instant now) {
        return schedules
                .insertFiring(tx, schedule.definitionId(), decision.tick(), schedule.tenant(), "PENDING",
                        decision.missed(), null, now)
                .map(inserted -> inserted
                        ? new ScheduleRepository.PendingFiring(schedule.definitionId(), decision.tick(),
                                schedule.tenant(), decision.missed())
                        : null);
    }

    private Uni<Void> startAll(List<ScheduleRepository.PendingFiring> firings) {
        List<ScheduleRepository.PendingFiring> toStart = new ArrayList<>();
        firings.forEach(f -> {
            if (f != null) {
                toStart.add(f);
            }
        });
        if (toStart.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(toStart).onItem().transformToUniAndConcatenate(this::start).collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> start(ScheduleRepository.PendingFiring firing) {
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("tick", firing.tick().toString());
        trigger.put("missed", firing.missed());
        String key = "schedule:" + firing.definitionId() + ":" + firing.tick();
        return systemCases.caseFor(firing.tenant(), firing.definitionId())
                .chain(caseId -> requests.start(firing.tenant(),
                        RunOrder.of(firing.definitionId().toString(), caseId, "production"),
                        new RunRequestService.StartOptions("schedule", Map.of(), trigger, null, null), key))
                .chain(run -> schedules.finish(pool, firing.definitionId(), firing.tick(), "STARTED", run.id, null,
                        Instant.now()))
                .onFailure(e -> e instanceof ProblemException p && p.status() >= 400 && p.status() < 500)
                .recoverWithUni(e -> schedules.finish(pool, firing.definitionId(), firing.tick(), "FAILED", null,
                        e.getMessage(), Instant.now()))
                .onFailure().invoke(e -> LOG.warnf("The run of %s's tick %s did not start yet (%s); the sweep retries",
                        firing.definitionId(), firing.tick(), e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
