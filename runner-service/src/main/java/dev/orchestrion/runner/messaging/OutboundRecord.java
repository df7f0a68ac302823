package dev.orchestrion.runner.messaging;

import java.util.Map;

/** A Kafka record to publish: topic, key, headers (the CloudEvents attributes) and the JSON value. */
public record OutboundRecord(String topic, String key, Map<String, String> headers, String value) {
}
