package dev.orchestrion.runner.messaging;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.orchestrion.runner.service.RunWatchers;

/**
 * Wakes long-poll waiters of this instance when any executor (of any instance) reports a run ended. Each instance
 * reads every run event in its own consumer group, and only looks at the type header.
 */
@ApplicationScoped
public class RunEventWatcherConsumer {

    private static final Set<String> TERMINAL = Set.of(CloudEvents.TYPE_PREFIX + "completed",
            CloudEvents.TYPE_PREFIX + "failed", CloudEvents.TYPE_PREFIX + "cancelled");

    private final RunWatchers watchers;

    public RunEventWatcherConsumer(RunWatchers watchers) {
        this.watchers = watchers;
    }

    @Incoming("run-events-watchers")
    public void consume(ConsumerRecords<String, String> records) {
        if (watchers.waiting() == 0) {
            return;
        }
        for (ConsumerRecord<String, String> record : records) {
            if (TERMINAL.contains(RunCommandConsumer.header(record, "ce_type")) && record.key() != null) {
                watchers.ended(UUID.fromString(record.key()));
            }
        }
    }
}
