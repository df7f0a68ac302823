package dev.orchestrion.runner.stats.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.mapping.Json;
import dev.orchestrion.runner.stats.model.RunEventForStats;
import dev.orchestrion.runner.stats.service.StatsService;

/**
 * Builds the live statistics from {@code workflow.run-events} in one consumer group shared by all instances
 * ({@code runner-stats}); offsets are committed once a batch is applied, and every event is applied once by its id.
 */
@ApplicationScoped
public class StatsEventConsumer {

    private static final Logger LOG = Logger.getLogger(StatsEventConsumer.class);
    private static final String PREFIX = "dev.orchestrion.run.";
    private static final List<String> KINDS = List.of("started", "node-started", "node-completed", "node-failed",
            "waiting", "completed", "failed", "cancelled");

    private final StatsService stats;

    public StatsEventConsumer(StatsService stats) {
        this.stats = stats;
    }

    @Incoming("stats-run-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<RunEventForStats> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, "ce_type");
            String id = header(record, "ce_id");
            if (type == null || id == null || !type.startsWith(PREFIX)
                    || !KINDS.contains(type.substring(PREFIX.length()))) {
                continue;
            }
            try {
                Map<String, Object> data = Json.readMap(record.value());
                events.add(new RunEventForStats(UUID.fromString(id), type.substring(PREFIX.length()),
                        UUID.fromString(String.valueOf(data.get("runId"))), String.valueOf(data.get("tenant")),
                        UUID.fromString(String.valueOf(data.get("workflowDefinitionId"))),
                        ((Number) data.get("version")).intValue(), instant(data.get("occurredAt")),
                        (String) data.get("nodeId"), (String) data.get("nodeType"), instant(data.get("startedAt")),
                        instant(data.get("endedAt"))));
            } catch (RuntimeException e) {
                LOG.warnf("Ignoring an unreadable run event at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        return stats.apply(events);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
