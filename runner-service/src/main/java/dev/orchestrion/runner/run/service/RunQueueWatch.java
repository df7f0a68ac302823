package dev.orchestrion.runner.run.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.background.Periodic;
import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.outbox.OutboxRelay;
import dev.orchestrion.runner.run.repository.RunRepository;

/**
 * Measures the queue behind run requests for {@link RunAdmission} every
 * {@code orchestrion.runner.admission.queue-refresh-interval}: queued runs per tenant (one query on the partial index
 * {@code runs_pending}, non-blocking) and the outbox backlog the relay measured at its last sweep (not counted
 * again). A failed measurement keeps the last one: a database that does not answer fails the requests anyway.
 */
@ApplicationScoped
public class RunQueueWatch {

    private static final Logger LOG = Logger.getLogger(RunQueueWatch.class);

    private final Pool pool;
    private final RunRepository runs;
    private final OutboxRelay relay;
    private final RunAdmission admission;

    public RunQueueWatch(Pool pool, RunRepository runs, OutboxRelay relay, RunAdmission admission) {
        this.pool = pool;
        this.runs = runs;
        this.relay = relay;
        this.admission = admission;
    }

    void start(@Observes StartupEvent startup, Vertx vertx, RunnerConfig config) {
        Periodic.every(vertx, config.admission().queueRefreshInterval(), "run queue measurement", this::refresh);
    }

    Uni<Void> refresh() {
        return runs.queuedByTenant(pool).invoke(byTenant -> {
            long queued = byTenant.values().stream().mapToLong(Long::longValue).sum();
            admission.observe(new RunAdmission.Queues(byTenant, queued, relay.backlog()));
        }).onFailure().invoke(e -> LOG.debugf("Queued runs not measured: %s", e.getMessage())).onFailure()
                .recoverWithNull().replaceWithVoid();
    }
}
