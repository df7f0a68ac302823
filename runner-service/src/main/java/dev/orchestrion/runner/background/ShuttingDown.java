package dev.orchestrion.runner.background;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Whether the service has begun to shut down. Periodic jobs ({@link Periodic} and {@code @Scheduled} ones through
 * {@code skipExecutionIf = ShuttingDown.class}) stop starting new work at that moment, so that they do not fail
 * against a connection pool that is closing while the in-flight batch finishes.
 */
@Singleton
public class ShuttingDown implements Scheduled.SkipPredicate {

    private static volatile boolean stopping;

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public static boolean now() {
        return stopping;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return stopping;
    }
}
