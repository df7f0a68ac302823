package dev.orchestrion.runner.run.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.events.RunCommands;
import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.run.service.RunExecutionService;
import dev.orchestrion.support.failpoints.Failpoints;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;

/**
 * The executors: every runner instance joins one consumer group on {@code workflow.run-commands}, so runs are
 * spread over instances by partition (run id) and each run has one writer at a time. Commands arrive in batches;
 * offsets are committed once the batch's checkpoint is written. A record that is not a run command, or a command
 * that fails for its own reason, is dead-lettered; the rest of its batch goes on.
 */
@ApplicationScoped
public class RunCommandConsumer {

    public static final String CONSUMER = "runner-executors";

    private final RunExecutionService execution;
    private final ConsumerGuard guard;

    public RunCommandConsumer(RunExecutionService execution, ConsumerGuards guards) {
        this.execution = execution;
        this.guard = guards.deadLettering(CONSUMER, this::execute);
    }

    @Incoming("run-commands")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return guard.process(records);
    }

    private Uni<Void> execute(List<ConsumerRecord<String, String>> records) {
        List<RunCommands.Addressed> commands = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            commands.add(RunCommands.read(CloudEventHeaders.type(record), record.value())
                    .tracedBy(CloudEventHeaders.header(record, RunTracing.TRACEPARENT)));
        }
        return execution.execute(commands).invoke(() -> Failpoints.hit("executor.before-offset-commit"));
    }
}
