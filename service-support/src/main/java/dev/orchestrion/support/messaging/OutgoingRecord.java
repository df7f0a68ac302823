package dev.orchestrion.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A Kafka record on its way out: topic, key, text headers (the CloudEvents attributes among them) and the value.
 * Stored as JSON by outboxes that keep whole records (the field names are part of that format).
 */
public record OutgoingRecord(String topic, String key, Map<String, String> headers, String value) {

    /** The same record with one more header (e.g. {@code traceparent}), after the ones it has. */
    public OutgoingRecord withHeader(String name, String headerValue) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, headerValue);
        return new OutgoingRecord(topic, key, more, value);
    }

    /** The record as the Kafka producer takes it: headers as UTF-8, in their order. */
    public ProducerRecord<String, String> toProducerRecord() {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name,
                headerValue == null ? null : headerValue.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
