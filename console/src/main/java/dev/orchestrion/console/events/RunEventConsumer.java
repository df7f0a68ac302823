package dev.orchestrion.console.events;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code workflow.run-events} in a consumer group of this console instance's own (every instance must see
 * every event, since any instance may hold a tenant's open streams) and hands the events to the hub.
 */
@ApplicationScoped
public class RunEventConsumer {

    private final RunEventHub hub;

    public RunEventConsumer(RunEventHub hub) {
        this.hub = hub;
    }

    @Incoming("run-events")
    public void consume(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            for (TenantRunEvent event : RunEventReader.read(header(record, "ce_type"), header(record, "ce_id"),
                    record.value())) {
                hub.publish(event);
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
