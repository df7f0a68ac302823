package dev.orchestrion.runner.run.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.engine.EngineCommand;
import dev.orchestrion.runner.events.RunCommands;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.outbox.OutboxRelay;
import dev.orchestrion.runner.outbox.OutboxRepository;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Cancel, signal and retry. Each becomes a run command that the run's executor applies (one writer per run); the
 * command is written to the outbox before the answer, so an accepted command is never lost.
 */
@ApplicationScoped
public class RunControlService {

    private final Pool pool;
    private final RunRepository runs;
    private final OutboxRepository outbox;
    private final OutboxRelay relay;

    public RunControlService(Pool pool, RunRepository runs, OutboxRepository outbox, OutboxRelay relay) {
        this.pool = pool;
        this.runs = runs;
        this.outbox = outbox;
        this.relay = relay;
    }

    public Uni<Run> cancel(String tenant, UUID id, String reason) {
        return send(tenant, id, run -> {
            if (run.status.isTerminal()) {
                throw ProblemException.conflict("Run " + id + " has already ended " + run.status);
            }
            return new EngineCommand.Cancel(reason == null ? "Cancelled through the API" : reason);
        });
    }

    public Uni<Run> signal(String tenant, UUID id, String name, Object data) {
        return send(tenant, id, run -> {
            if (run.status.isTerminal()) {
                throw ProblemException
                        .conflict("Run " + id + " has already ended " + run.status + "; it takes no more signals");
            }
            return new EngineCommand.Signal(name, data);
        });
    }

    public Uni<Run> retry(String tenant, UUID id) {
        return send(tenant, id, run -> {
            if (run.status != RunStatus.FAILED) {
                throw ProblemException
                        .conflict("Run " + id + " is " + run.status + "; only a FAILED run can be retried");
            }
            if (run.state.failure() == null) {
                throw ProblemException.conflict("Run " + id + " failed before any node ran; start a new run instead");
            }
            return new EngineCommand.Retry();
        });
    }

    private Uni<Run> send(String tenant, UUID id, java.util.function.Function<Run, EngineCommand> command) {
        return pool.withTransaction(tx -> runs.find(tx, tenant, id).chain(run -> {
            if (run == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Run", id));
            }
            List<OutgoingRecord> records = List.of(RunCommands.of(run.id, tenant, command.apply(run), Instant.now()));
            return outbox.add(tx, records).map(outboxId -> new Sent(run, outboxId, records));
        })).chain(sent -> relay.publish(sent.outboxId(), sent.records()).replaceWith(sent.run()));
    }

    private record Sent(Run run, long outboxId, List<OutgoingRecord> records) {
    }
}
