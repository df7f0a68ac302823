package dev.orchestrion.runner.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.service.RunExecutionService;

/**
 * The executors: every runner instance joins one consumer group on {@code workflow.run-commands}, so runs are
 * spread over instances by partition (run id) and each run has one writer at a time. Commands arrive in batches;
 * offsets are committed once the batch's checkpoint is written. A record that is not a run command goes to the
 * dead-letter topic.
 */
@ApplicationScoped
public class RunCommandConsumer {

    private static final Logger LOG = Logger.getLogger(RunCommandConsumer.class);
    static final String DLQ = Topics.RUN_COMMANDS + ".dlq";

    private final RunExecutionService execution;
    private final RecordProducer producer;

    public RunCommandConsumer(RunExecutionService execution, RecordProducer producer) {
        this.execution = execution;
        this.producer = producer;
    }

    @Incoming("run-commands")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<RunCommands.Addressed> commands = new ArrayList<>(records.count());
        List<OutboundRecord> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, "ce_type");
            try {
                commands.add(RunCommands.read(type, record.value()).tracedBy(header(record, RunTracing.TRACEPARENT)));
            } catch (RuntimeException e) {
                LOG.warnf("Not a run command at %s-%d@%d (%s): sent to %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage(), DLQ);
                rejected.add(new OutboundRecord(
                        DLQ, record.key(), Map.of("dlq-reason", String.valueOf(e.getMessage()), "dlq-at",
                                Instant.now().toString(), "ce_type", String.valueOf(type)),
                        String.valueOf(record.value())));
            }
        }
        return producer.send(rejected).chain(() -> execution.execute(commands));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
