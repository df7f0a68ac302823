package dev.orchestrion.runner.run.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orchestrion.runner.call.CallPerformers;
import dev.orchestrion.runner.call.OutboundFailures;
import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.engine.Checkpoint;
import dev.orchestrion.runner.engine.EngineCommand;
import dev.orchestrion.runner.engine.RunEngine;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.state.JsonSize;
import dev.orchestrion.runner.engine.state.StateBudget;
import dev.orchestrion.runner.events.RunCommands;
import dev.orchestrion.support.messaging.RecordProducer;

/**
 * Makes the outbound calls that committed checkpoints describe, outside the executor's batch, so a slow endpoint
 * never holds up other runs, and sends each outcome back to its run as a CallEnded command (a ResumeRun). Each call
 * ends by its timeout at the latest; an outcome lost in a crash is replaced by the run's timer for the call, which
 * retries the node per its policy.
 */
@ApplicationScoped
public class OutboundCalls {

    private static final Logger LOG = Logger.getLogger(OutboundCalls.class);

    private final CallPerformers performers;
    private final RecordProducer producer;
    private final long maxValueSize;

    public OutboundCalls(CallPerformers performers, RecordProducer producer, RunnerConfig config) {
        this.performers = performers;
        this.producer = producer;
        this.maxValueSize = config.budgets().maxValueSize().asLongValue();
    }

    /**
     * The outcome, or its failure when its output is larger than one value of a run may be: the run would refuse it
     * anyway, and it must not travel (it could be too large for a Kafka record).
     */
    private CallOutcome withinValueBudget(Checkpoint.OutboundCall call, CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Completed completed
                && JsonSize.of(completed.data(), maxValueSize) > maxValueSize) {
            return new CallOutcome.Failed(
                    StateBudget.valueTooLarge("The output of node " + call.context().nodeId(), maxValueSize),
                    RunEngine.BUDGET_FAILURE, StateBudget.VALUE_TOO_LARGE);
        }
        return outcome;
    }

    public void launch(List<Checkpoint.OutboundCall> calls) {
        for (Checkpoint.OutboundCall call : calls) {
            Duration timeout = call.timeout();
            // The deadline covers the whole attempt: an HTTP client's own timeouts only bound each read (a target
            // that trickles its answer never trips them), and credentials or DNS may hang before any request.
            performers.perform(call.request(), call.context()).ifNoItem().after(timeout)
                    .recoverWithItem(() -> new CallOutcome.Failed("No result within the node's timeout of " + timeout,
                            "timeout", "TIMEOUT"))
                    .onFailure().recoverWithItem(OutboundFailures::toOutcome).onItem().ifNull()
                    .continueWith(() -> new CallOutcome.Failed("The call returned nothing", "error", null))
                    .map(outcome -> withinValueBudget(call, outcome))
                    .chain(outcome -> producer.send(
                            List.of(RunCommands.of(UUID.fromString(call.context().runId()), call.context().tenant(),
                                    new EngineCommand.CallEnded(call.waitId(), outcome), Instant.now()))))
                    .ifNoItem().after(Duration.ofMinutes(10)).fail().subscribe().with(ok -> {
                    }, e -> LOG.warnf("The result of %s/%s did not reach its run (%s); its timeout will retry it",
                            call.context().runId(), call.context().nodeId(), e.getMessage()));
        }
    }
}
