package dev.orchestrion.runner.background;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Runs a reactive job on a Vert.x timer, at most one execution at a time. Used for sub-second work (timer polling,
 * outbox cleanup) that Quarkus's {@code @Scheduled} would stretch to a second.
 */
public final class Periodic {

    private static final Logger LOG = Logger.getLogger(Periodic.class);

    private Periodic() {
    }

    /** Starts the job every {@code interval}; answers the timer id (for {@code vertx.cancelTimer}). */
    public static long every(Vertx vertx, Duration interval, String name, Supplier<Uni<Void>> job) {
        AtomicBoolean running = new AtomicBoolean();
        long millis = Math.max(1, interval.toMillis());
        return vertx.setPeriodic(millis, millis, id -> {
            if (ShuttingDown.now()) {
                vertx.cancelTimer(id);
                return;
            }
            if (!running.compareAndSet(false, true)) {
                return;
            }
            Uni<Void> execution;
            try {
                execution = job.get();
            } catch (RuntimeException e) {
                running.set(false);
                LOG.warnf("Periodic job %s failed: %s", name, e.getMessage());
                return;
            }
            execution.subscribe().with(ok -> running.set(false), failure -> {
                running.set(false);
                LOG.warnf("Periodic job %s failed: %s", name, failure.getMessage());
            });
        });
    }
}
