package dev.orchestrion.runner.client.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.client.DefinitionView;
import dev.orchestrion.runner.json.Json;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;

/**
 * Keeps this instance's view of definitions current from {@code workflow.definition-events}: a started, published,
 * paused, resumed or finalized definition is known at once, without a call, and a deleted one is forgotten.
 * Applying the same event twice changes nothing. An unreadable event is logged, counted and skipped
 * (the shared {@code runner-trigger-registry} group dead-letters it).
 */
@ApplicationScoped
public class DefinitionEventConsumer {

    private static final String PREFIX = "dev.orchestrion.definition.";
    private static final String PRIORITIES_CHANGED = "dev.orchestrion.priorities.changed";

    private final DefinitionCatalog catalog;
    private final ConsumerGuard guard;

    public DefinitionEventConsumer(DefinitionCatalog catalog, ConsumerGuards guards) {
        this.catalog = catalog;
        this.guard = guards.skipping("runner-definitions", records -> {
            records.forEach(this::apply);
            return Uni.createFrom().voidItem();
        });
    }

    @Incoming("definition-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return guard.process(records);
    }

    private void apply(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.type(record);
        if (PRIORITIES_CHANGED.equals(type)) {
            catalog.forgetPriorities(CloudEventHeaders.tenant(record));
            return;
        }
        if (type == null || !type.startsWith(PREFIX)) {
            return;
        }
        if (!type.equals(PREFIX + "updated") && !type.equals(PREFIX + "created")) {
            // a definition that starts, stops or ends joins or leaves the priority order
            catalog.forgetPriorities(CloudEventHeaders.tenant(record));
        }
        Map<String, Object> data = Json.readMap(record.value());
        String tenant = String.valueOf(data.get("tenant"));
        String id = String.valueOf(data.get("definitionId"));
        if (type.equals(PREFIX + "deleted") || data.get("status") == null) {
            catalog.forget(tenant, id);
        } else {
            Object published = data.get("publishedVersion");
            catalog.learn(tenant, new DefinitionView(id, (String) data.get("name"), (String) data.get("status"),
                    published instanceof Number n ? n.intValue() : null, (String) data.get("exclusiveGroup")));
        }
    }
}
