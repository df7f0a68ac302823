package dev.orchestrion.runner.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.orchestrion.runner.client.CaseDirectory;
import dev.orchestrion.runner.mapping.Json;

/**
 * Keeps this instance's knowledge of which cases exist from {@code workflow.case-events}, so run requests need
 * no call to case-service for a case created moments before. Idempotent: the same event twice changes nothing.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventConsumer.class);

    private final CaseDirectory cases;

    public CaseEventConsumer(CaseDirectory cases) {
        this.cases = cases;
    }

    @Incoming("case-events")
    public void consume(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            String type = RunCommandConsumer.header(record, "ce_type");
            if (type == null) {
                continue;
            }
            try {
                Map<String, Object> data = Json.readMap(record.value());
                String tenant = String.valueOf(data.get("tenant"));
                String caseId = String.valueOf(data.get("caseId"));
                switch (type) {
                    case "dev.orchestrion.case.created", "dev.orchestrion.case.updated" ->
                        cases.remember(tenant, caseId, CaseDirectory.CaseStatus.ACTIVE);
                    case "dev.orchestrion.case.erased" ->
                        cases.remember(tenant, caseId, CaseDirectory.CaseStatus.ERASED);
                    default -> {
                        // other case events tell the runner nothing it keeps
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Ignoring an unreadable case event at offset %d: %s", record.offset(), e.getMessage());
            }
        }
    }
}
