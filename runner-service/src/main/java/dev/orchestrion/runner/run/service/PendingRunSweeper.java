package dev.orchestrion.runner.run.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.background.ShuttingDown;
import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.events.RunCommands;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.support.messaging.RecordProducer;

/**
 * The safety net of run requests: a run stored PENDING whose StartRun was lost (the process died between commit
 * and send, or Kafka was down) gets its StartRun again. A duplicate StartRun is harmless: the engine ignores it.
 */
@ApplicationScoped
public class PendingRunSweeper {

    private static final Logger LOG = Logger.getLogger(PendingRunSweeper.class);

    private final Pool pool;
    private final RunRepository runs;
    private final RecordProducer producer;
    private final RunnerConfig config;

    public PendingRunSweeper(Pool pool, RunRepository runs, RecordProducer producer, RunnerConfig config) {
        this.pool = pool;
        this.runs = runs;
        this.producer = producer;
        this.config = config;
    }

    @Scheduled(skipExecutionIf = ShuttingDown.class, every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resendStartRuns() {
        Instant now = Instant.now();
        return runs.findPendingBefore(pool, now.minus(config.pendingRunGrace()), 500).chain(pending -> {
            if (pending.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("Sending StartRun again for %d runs still PENDING", pending.size());
            return producer.send(pending.stream().map(run -> RunCommands.start(run, now)).toList());
        }).onFailure().invoke(e -> LOG.warnf("Pending-run sweep failed: %s", e.getMessage())).onFailure()
                .recoverWithNull().replaceWithVoid();
    }
}
