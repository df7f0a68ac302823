package dev.orchestrion.runner.schedule.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import dev.orchestrion.runner.schedule.model.ActiveSchedule;
import dev.orchestrion.runner.schedule.repository.ScheduleRepository;

/**
 * Keeps {@code schedule_state} in step with the trigger registry, in the registry change's transaction: a schedule
 * that becomes ACTIVE (or whose pinned version changes) starts ticking from now; one that stops being an ACTIVE
 * schedule stops. Ticks of a paused period are not "missed": resuming starts afresh.
 */
@ApplicationScoped
public class ScheduleRegistrations {

    private static final Logger LOG = Logger.getLogger(ScheduleRegistrations.class);

    private final ScheduleRepository schedules;

    public ScheduleRegistrations(ScheduleRepository schedules) {
        this.schedules = schedules;
    }

    /**
     * Brings the definition's schedule from {@code previous} to {@code next}; null for either means the definition
     * was or is no ACTIVE schedule.
     */
    public Uni<Void> sync(SqlClient tx, UUID definitionId, ActiveSchedule previous, ActiveSchedule next, Instant now) {
        if (next == null) {
            return schedules.remove(tx, definitionId);
        }
        boolean unchanged = previous != null && previous.version() == next.version()
                && Objects.equals(previous.trigger(), next.trigger());
        if (unchanged) {
            return Uni.createFrom().voidItem();
        }
        ScheduleSpec spec;
        try {
            spec = ScheduleSpec.parse(next.trigger());
        } catch (RuntimeException e) {
            LOG.warnf("Definition %s has a schedule the runner cannot read (%s); it will not fire", next.definitionId(),
                    e.getMessage());
            return schedules.remove(tx, next.definitionId());
        }
        // interval ticks count from a whole second, so ticks read well and compare exactly wherever they are stored
        Instant anchor = now.truncatedTo(ChronoUnit.SECONDS);
        return schedules.reset(tx, next.definitionId(), next.tenant(), next.version(), anchor,
                spec.nextAfter(now, anchor), now);
    }
}
