package dev.orchestrion.runner.run.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orchestrion.runner.observability.RunMetrics;
import dev.orchestrion.runner.outbox.OutboxRelay;
import dev.orchestrion.support.failpoints.Failpoints;

/**
 * What follows a committed checkpoint, wherever it was written (an executor's batch or an eager start): its outbox
 * records are handed to Kafka, its calls are made, waiters of runs that ended are woken, metrics are counted.
 * Nothing here is awaited: the outbox row is durable, and the sweep publishes it if this publish fails, so the next
 * batch never waits for Kafka's acknowledgement. Records are handed over in commit order (sends start here, on the
 * committing thread), and before the calls whose outcomes would follow them.
 */
@ApplicationScoped
public class CommittedCheckpoints {

    private final OutboxRelay relay;
    private final OutboundCalls calls;
    private final RunWatchers watchers;
    private final RunMetrics metrics;

    public CommittedCheckpoints(OutboxRelay relay, OutboundCalls calls, RunWatchers watchers, RunMetrics metrics) {
        this.relay = relay;
        this.calls = calls;
        this.watchers = watchers;
        this.metrics = metrics;
    }

    void committed(CheckpointBatch batch, Long outboxId) {
        if (outboxId != null) {
            relay.publish(outboxId, batch.records()).subscribe().with(ok -> Failpoints.hit("outbox.after-publish"),
                    failure -> {
                    }); // publish never fails: a row it could not send stays for the sweep
        }
        calls.launch(batch.calls());
        batch.endedRuns().forEach(watchers::ended);
        batch.startedRuns().forEach(metrics::started);
        batch.endedRunStates().forEach(metrics::ended);
        batch.finishedSteps().forEach(metrics::node);
    }
}
