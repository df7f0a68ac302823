package dev.orchestrion.cases.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.orchestrion.cases.service.ParameterSchemas;

/**
 * Keeps the parameter schema cache honest: every {@code dev.orchestrion.definition.*} event drops what is cached
 * about its definition. Idempotent by nature (forgetting twice is forgetting once), so redeliveries are harmless.
 * Each instance reads every event with a group of its own, from the start of the topic, so that no event published
 * after it started can slip past it (the cache starts empty, so older events cost a lookup and nothing else).
 */
@ApplicationScoped
public class DefinitionEventConsumer {

    private static final Logger LOG = Logger.getLogger(DefinitionEventConsumer.class);
    private static final String DEFINITION_EVENT_PREFIX = "dev.orchestrion.definition.";

    private final ParameterSchemas schemas;

    public DefinitionEventConsumer(ParameterSchemas schemas) {
        this.schemas = schemas;
    }

    @Incoming("definition-events")
    public void onDefinitionEvent(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        if (type == null || !type.startsWith(DEFINITION_EVENT_PREFIX)) {
            return;
        }
        String subject = header(record, "ce_subject");
        String definitionId = subject != null ? subject : record.key();
        try {
            schemas.invalidate(UUID.fromString(definitionId));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Ignoring %s event %s on %s-%d@%d without a definition id", type, header(record, "ce_id"),
                    record.topic(), record.partition(), record.offset());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
