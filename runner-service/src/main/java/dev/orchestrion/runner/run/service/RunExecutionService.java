package dev.orchestrion.runner.run.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.engine.Checkpoint;
import dev.orchestrion.runner.engine.EngineCommand;
import dev.orchestrion.runner.engine.RunEngine;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.events.RunCommands;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.outbox.OutboxRepository;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.runner.run.repository.StepRepository;
import dev.orchestrion.runner.run.repository.TimerRepository;
import dev.orchestrion.support.failpoints.Failpoints;
import dev.orchestrion.support.messaging.TransientFailure;

/**
 * Executes a batch of run commands: loads the runs and their pinned graphs, lets the engine advance each run, and
 * writes every checkpoint of the batch in one transaction (runs, steps, timers, outbox). After the commit,
 * {@link CommittedCheckpoints} hands the records to Kafka, starts the calls and wakes waiters, without holding the
 * next batch back for Kafka's acknowledgement. A checkpoint that loses to
 * a concurrent writer (two owners during a rebalance) rolls the batch back, and the batch is replayed on fresh state.
 */
@ApplicationScoped
public class RunExecutionService {

    private static final Logger LOG = Logger.getLogger(RunExecutionService.class);

    private final Pool pool;
    private final RunRepository runs;
    private final StepRepository steps;
    private final TimerRepository timers;
    private final OutboxRepository outbox;
    private final DefinitionCatalog catalog;
    private final RunEngine engine;
    private final CommittedCheckpoints committed;
    private final RunTracing tracing;
    private final boolean nodeEventsEverywhere;

    public RunExecutionService(Pool pool, RunRepository runs, StepRepository steps, TimerRepository timers,
            OutboxRepository outbox, DefinitionCatalog catalog, RunEngine engine, CommittedCheckpoints committed,
            RunTracing tracing, RunnerConfig config) {
        this.pool = pool;
        this.runs = runs;
        this.steps = steps;
        this.timers = timers;
        this.outbox = outbox;
        this.catalog = catalog;
        this.engine = engine;
        this.committed = committed;
        this.tracing = tracing;
        this.nodeEventsEverywhere = config.events().perNode();
    }

    /** Lost the race for a run's checkpoint: the batch is replayed (by the consumer, if it keeps losing). */
    static final class CheckpointConflict extends TransientFailure {

        CheckpointConflict(List<UUID> runs) {
            super("Another executor checkpointed " + runs + " first");
        }
    }

    public Uni<Void> execute(List<RunCommands.Addressed> commands) {
        if (commands.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return attempt(commands).onFailure(CheckpointConflict.class).retry().atMost(5);
    }

    private Uni<Void> attempt(List<RunCommands.Addressed> commands) {
        Set<UUID> ids = new LinkedHashSet<>();
        commands.forEach(c -> ids.add(c.runId()));
        return runs.findAll(pool, new ArrayList<>(ids)).chain(loaded -> graphsOf(loaded).chain(graphs -> {
            Map<UUID, Run> byId = new HashMap<>();
            loaded.forEach(run -> byId.put(run.id, run));
            CheckpointBatch batch = new CheckpointBatch(nodeEventsEverywhere);
            Instant now = Instant.now();
            List<Span> spans = new ArrayList<>();
            for (RunCommands.Addressed command : commands) {
                Run run = byId.get(command.runId());
                if (run == null || !run.tenant.equals(command.tenant())) {
                    LOG.warnf("Dropping a command for run %s: no such run in tenant %s", command.runId(),
                            command.tenant());
                    continue;
                }
                boolean starting = command.command() instanceof EngineCommand.Start && run.status == RunStatus.PENDING;
                Span span = tracing.startExecution(run.id, RunCommands.name(command.command()), command.traceparent());
                spans.add(span);
                WorkflowGraph graph = graphs.get(graphKey(run));
                Checkpoint checkpoint = engine.process(run, graph, command.command(), now);
                batch.add(checkpoint, now, tracing.traceparentOf(span), starting);
            }
            return persist(batch).chain(outboxId -> afterCommit(batch, outboxId)).onItemOrFailure()
                    .invoke((ok, failure) -> spans.forEach(span -> RunTracing.end(span, failure)));
        }));
    }

    private Uni<Long> persist(CheckpointBatch batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        // The statements go out together, pipelined on the transaction's connection (PostgreSQL runs them in order):
        // one round trip instead of one per statement. A run whose state_version moved on makes the whole batch
        // roll back and replay; a failing statement aborts the transaction, which fails the others.
        return pool.withTransaction(tx -> {
            Uni<List<UUID>> checkpointed = runs.checkpoint(tx, batch.changedRuns());
            Uni<Void> stepsWritten = steps.upsert(tx, batch.steps());
            Uni<Void> timersCleared = timers.removeAllOf(tx, batch.runsWithoutTimers());
            Uni<Void> timersRemoved = timers.remove(tx, batch.timersToRemove());
            Uni<Void> timersAdded = timers.add(tx, batch.timersToAdd());
            Uni<Long> outboxRow = batch.records().isEmpty()
                    ? Uni.createFrom().nullItem()
                    : outbox.add(tx, batch.records());
            return Uni.combine().all()
                    .unis(checkpointed, stepsWritten, timersCleared, timersRemoved, timersAdded, outboxRow).asTuple()
                    .chain(written -> {
                        List<UUID> lost = written.getItem1();
                        if (!lost.isEmpty()) {
                            return Uni.createFrom().<Long>failure(new CheckpointConflict(lost));
                        }
                        Failpoints.hit("executor.in-transaction");
                        return Uni.createFrom().item(written.getItem6());
                    });
        });
    }

    private Uni<Void> afterCommit(CheckpointBatch batch, Long outboxId) {
        Failpoints.hit("executor.after-commit");
        committed.committed(batch, outboxId);
        return Uni.createFrom().voidItem();
    }

    private Uni<Map<String, WorkflowGraph>> graphsOf(List<Run> loaded) {
        Map<String, Run> distinct = new HashMap<>();
        loaded.forEach(run -> distinct.putIfAbsent(graphKey(run), run));
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Map.Entry<String, WorkflowGraph>>> lookups = new ArrayList<>();
        distinct.forEach((key, run) -> lookups.add(catalog.graph(run.tenant, run.definitionId.toString(), run.version)
                .map(graph -> Map.entry(key, graph))));
        return Uni.join().all(lookups).andFailFast().map(entries -> {
            Map<String, WorkflowGraph> graphs = new HashMap<>();
            entries.forEach(e -> graphs.put(e.getKey(), e.getValue()));
            return graphs;
        });
    }

    private static String graphKey(Run run) {
        return run.tenant + "/" + run.definitionId + "@" + run.version;
    }
}
