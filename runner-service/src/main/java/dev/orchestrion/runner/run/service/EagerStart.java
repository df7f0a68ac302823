package dev.orchestrion.runner.run.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.engine.Checkpoint;
import dev.orchestrion.runner.engine.EngineCommand;
import dev.orchestrion.runner.engine.RunEngine;
import dev.orchestrion.runner.engine.StretchLimit;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.support.failpoints.Failpoints;

/**
 * The eager start (Temporal's eager workflow start, Flowable's synchronous execution up to the first wait state):
 * the instance that receives a run request executes the run's first stretch itself and commits the run, its steps,
 * its timers, its events (through the outbox) and its Idempotency-Key in one statement before answering. The
 * stretch ends where the run ends, parks at a wait, hands a call to the world (made after the commit, its outcome
 * coming back as a run command), or reaches its bound ({@code orchestrion.runner.eager.max-nodes} or
 * {@code max-time}), past which the run continues through {@code workflow.run-commands}. Until the statement commits
 * the run exists nowhere else, so this instance owns it; a crash before the commit leaves nothing, and the client's
 * retry (with its key) starts it again.
 */
@ApplicationScoped
public class EagerStart {

    private final Pool pool;
    private final RunRepository runs;
    private final RunEngine engine;
    private final CommittedCheckpoints committed;
    private final RunTracing tracing;
    private final RunnerConfig.Eager settings;
    private final boolean nodeEventsEverywhere;

    public EagerStart(Pool pool, RunRepository runs, RunEngine engine, CommittedCheckpoints committed,
            RunTracing tracing, RunnerConfig config) {
        this.pool = pool;
        this.runs = runs;
        this.engine = engine;
        this.committed = committed;
        this.tracing = tracing;
        this.settings = config.eager();
        this.nodeEventsEverywhere = config.events().perNode();
    }

    /** Whether runs of this graph start eagerly: the platform allows it and the definition did not opt out. */
    public boolean appliesTo(WorkflowGraph graph) {
        return settings.enabled() && graph.version().allowsEagerStart();
    }

    /**
     * Executes the first stretch of a PENDING run and stores it. Answers the run as stored, or null when its
     * idempotency key was taken meanwhile (nothing was written; the caller answers the winner's run).
     */
    public Uni<Run> begin(Run run, WorkflowGraph graph, String idempotencyKey, String requestHash) {
        Instant now = Instant.now();
        int maxNodes = settings.maxNodes();
        long maxNanos = settings.maxTime().toNanos();
        long began = System.nanoTime();
        StretchLimit limit = executed -> executed >= maxNodes || System.nanoTime() - began >= maxNanos;
        Span span = tracing.startEagerExecution(run.id);
        Checkpoint checkpoint = engine.process(run, graph, new EngineCommand.Start(), now, limit);
        CheckpointBatch batch = new CheckpointBatch(nodeEventsEverywhere);
        batch.add(checkpoint, now, tracing.traceparentOf(span), true);
        return runs.insertStarted(pool, run, idempotencyKey, requestHash, batch.stepRecords(), batch.timersToAdd(),
                batch.records()).map(started -> {
                    if (!started.inserted()) {
                        return null;
                    }
                    committed.committed(batch, started.outboxId());
                    Failpoints.hit("eager.before-answer");
                    return run;
                }).onItemOrFailure().invoke((ok, failure) -> RunTracing.end(span, failure));
    }
}
