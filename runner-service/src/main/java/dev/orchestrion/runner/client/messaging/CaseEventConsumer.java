package dev.orchestrion.runner.client.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.client.CaseDirectory;
import dev.orchestrion.runner.json.Json;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;

/**
 * Keeps this instance's knowledge of which cases exist from {@code workflow.case-events}, so run requests need
 * no call to case-service for a case created moments before. Idempotent: the same event twice changes nothing. An unreadable event is logged, counted and skipped (the
 * shared {@code runner-triggers} group dead-letters it).
 */
@ApplicationScoped
public class CaseEventConsumer {

    private final CaseDirectory cases;
    private final ConsumerGuard guard;

    public CaseEventConsumer(CaseDirectory cases, ConsumerGuards guards) {
        this.cases = cases;
        this.guard = guards.skipping("runner-cases", records -> {
            records.forEach(this::apply);
            return Uni.createFrom().voidItem();
        });
    }

    @Incoming("case-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return guard.process(records);
    }

    private void apply(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.type(record);
        if (type == null) {
            return;
        }
        Map<String, Object> data = Json.readMap(record.value());
        String tenant = String.valueOf(data.get("tenant"));
        String caseId = String.valueOf(data.get("caseId"));
        switch (type) {
            case "dev.orchestrion.case.created", "dev.orchestrion.case.updated" ->
                cases.remember(tenant, caseId, CaseDirectory.CaseStatus.ACTIVE);
            case "dev.orchestrion.case.erased" -> cases.remember(tenant, caseId, CaseDirectory.CaseStatus.ERASED);
            default -> {
                // other case events tell the runner nothing it keeps
            }
        }
    }
}
