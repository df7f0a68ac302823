package dev.orchestrion.runner.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.engine.CallOutcomes;
import dev.orchestrion.runner.engine.Checkpoint;
import dev.orchestrion.runner.engine.EngineCommand;
import dev.orchestrion.runner.engine.RunEngine;
import dev.orchestrion.runner.engine.node.NodeResult;
import dev.orchestrion.runner.engine.node.OutboundFailures;
import dev.orchestrion.runner.engine.state.JsonSize;
import dev.orchestrion.runner.engine.state.StateBudget;
import dev.orchestrion.runner.messaging.RunCommands;
import dev.orchestrion.support.messaging.RecordProducer;

/**
 * Runs the outbound calls of committed checkpoints outside the executor's batch, so a slow endpoint never holds
 * up other runs, and sends each result back to its run as a ResumeRun. Each call ends by its timeout at the latest;
 * a result lost in a crash is replaced by the run's timer for the call, which retries the node per its policy.
 */
@ApplicationScoped
public class OutboundCalls {

    private static final Logger LOG = Logger.getLogger(OutboundCalls.class);

    private final RecordProducer producer;
    private final long maxValueSize;

    public OutboundCalls(RecordProducer producer, RunnerConfig config) {
        this.producer = producer;
        this.maxValueSize = config.budgets().maxValueSize().asLongValue();
    }

    /**
     * The result, or its failure when its output is larger than one value of a run may be: the run would refuse it
     * anyway, and it must not travel (it could be too large for a Kafka record).
     */
    private NodeResult withinValueBudget(Checkpoint.OutboundCall call, NodeResult result) {
        if (result instanceof NodeResult.Completed completed
                && JsonSize.of(completed.data(), maxValueSize) > maxValueSize) {
            return new NodeResult.Failed(
                    StateBudget.valueTooLarge("The output of node " + call.context().nodeId(), maxValueSize),
                    RunEngine.BUDGET_FAILURE, StateBudget.VALUE_TOO_LARGE);
        }
        return result;
    }

    public void launch(List<Checkpoint.OutboundCall> calls) {
        for (Checkpoint.OutboundCall call : calls) {
            Uni<NodeResult> work;
            try {
                work = call.work().apply(call.context());
            } catch (RuntimeException e) {
                work = Uni.createFrom().failure(e);
            }
            Duration timeout = call.timeout();
            // The deadline covers the whole attempt: an HTTP client's own timeouts only bound each read (a target
            // that trickles its answer never trips them), and credentials or DNS may hang before any request.
            work.ifNoItem().after(timeout)
                    .recoverWithItem(() -> new NodeResult.Failed("No result within the node's timeout of " + timeout,
                            "timeout", "TIMEOUT"))
                    .onFailure().recoverWithItem(OutboundFailures::toResult).onItem().ifNull()
                    .continueWith(() -> new NodeResult.Failed("The call returned nothing", "error", null))
                    .map(result -> withinValueBudget(call, result))
                    .chain(result -> producer.send(
                            List.of(RunCommands.of(UUID.fromString(call.context().runId()), call.context().tenant(),
                                    new EngineCommand.Resume("node-result", call.waitId(), null, null,
                                            CallOutcomes.toOutcome(result), null),
                                    Instant.now()))))
                    .ifNoItem().after(Duration.ofMinutes(10)).fail().subscribe().with(ok -> {
                    }, e -> LOG.warnf("The result of %s/%s did not reach its run (%s); its timeout will retry it",
                            call.context().runId(), call.context().nodeId(), e.getMessage()));
        }
    }
}
