package dev.orchestrion.runner.run.messaging;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.events.CloudEvents;
import dev.orchestrion.runner.run.service.RunWatchers;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;

/**
 * Wakes long-poll waiters of this instance when any executor (of any instance) reports a run ended. Each instance
 * reads every run event in its own consumer group, and only looks at the type header.
 */
@ApplicationScoped
public class RunEventWatcherConsumer {

    private static final Set<String> TERMINAL = Set.of(CloudEvents.TYPE_PREFIX + "completed",
            CloudEvents.TYPE_PREFIX + "failed", CloudEvents.TYPE_PREFIX + "cancelled");

    private final RunWatchers watchers;
    private final ConsumerGuard guard;

    public RunEventWatcherConsumer(RunWatchers watchers, ConsumerGuards guards) {
        this.watchers = watchers;
        this.guard = guards.skipping("runner-watchers", records -> {
            records.forEach(this::wake);
            return Uni.createFrom().voidItem();
        });
    }

    @Incoming("run-events-watchers")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return watchers.waiting() == 0 ? Uni.createFrom().voidItem() : guard.process(records);
    }

    private void wake(ConsumerRecord<String, String> record) {
        if (TERMINAL.contains(CloudEventHeaders.type(record)) && record.key() != null) {
            watchers.ended(UUID.fromString(record.key()));
        }
    }
}
