package dev.orchestrion.runner.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.client.DefinitionView;
import dev.orchestrion.runner.mapping.Json;

/**
 * Keeps this instance's view of definitions current from {@code workflow.definition-events}: a started, published,
 * paused, resumed or finalized definition is known at once, without a call, and a deleted one is forgotten.
 * Applying the same event twice changes nothing.
 */
@ApplicationScoped
public class DefinitionEventConsumer {

    private static final Logger LOG = Logger.getLogger(DefinitionEventConsumer.class);
    private static final String PREFIX = "dev.orchestrion.definition.";
    private static final String PRIORITIES_CHANGED = "dev.orchestrion.priorities.changed";

    private final DefinitionCatalog catalog;

    public DefinitionEventConsumer(DefinitionCatalog catalog) {
        this.catalog = catalog;
    }

    @Incoming("definition-events")
    public void consume(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            String type = RunCommandConsumer.header(record, "ce_type");
            if (PRIORITIES_CHANGED.equals(type)) {
                catalog.forgetPriorities(RunCommandConsumer.header(record, "ce_tenant"));
                continue;
            }
            if (type == null || !type.startsWith(PREFIX)) {
                continue;
            }
            if (!type.equals(PREFIX + "updated") && !type.equals(PREFIX + "created")) {
                // a definition that starts, stops or ends joins or leaves the priority order
                catalog.forgetPriorities(RunCommandConsumer.header(record, "ce_tenant"));
            }
            try {
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
            } catch (RuntimeException e) {
                LOG.warnf("Ignoring an unreadable definition event at offset %d: %s", record.offset(), e.getMessage());
            }
        }
    }
}
