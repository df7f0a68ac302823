package dev.orchestrion.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.orchestrion.support.messaging.CloudEventHeaders;

/**
 * Checks messages against the event contract in {@code docs/events/}: the CloudEvents 1.0 binary-mode envelope in
 * Kafka headers and the JSON Schema of the event's {@code data} ({@code schemas/<ce_type>.schema.json}).
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Set<String> REQUIRED_HEADERS = Set.of("ce_specversion", "ce_id", "ce_source", "ce_type",
            "ce_time", "ce_tenant", "content-type");

    private EventContracts() {
    }

    /** The schema for a CloudEvents type, e.g. {@code dev.orchestrion.case.created}. */
    public static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            String path = "orchestrion-events/schemas/" + t + ".schema.json";
            if (EventContracts.class.getClassLoader().getResource(path) == null) {
                throw new AssertionError("No schema in docs/events/schemas for event type " + t);
            }
            return FACTORY.getSchema(SchemaLocation.of("classpath:" + path));
        });
    }

    /** Fails unless {@code data} conforms to the schema of {@code type}. */
    public static void assertConforms(String type, String data) {
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (IOException e) {
            throw new AssertionError("Event data of " + type + " is not JSON: " + data, e);
        }
        Set<ValidationMessage> problems = schema(type).validate(node);
        if (!problems.isEmpty()) {
            throw new AssertionError("Event data of " + type + " breaks its schema: "
                    + problems.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + "\n"
                    + data);
        }
    }

    /**
     * Fails unless the record is a CloudEvent in binary mode whose data conforms to its type's schema.
     *
     * @return the record's headers by name, for further assertions
     */
    public static Map<String, String> assertCloudEvent(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = CloudEventHeaders.all(record);
        for (String required : REQUIRED_HEADERS) {
            if (headers.get(required) == null || headers.get(required).isBlank()) {
                throw new AssertionError(
                        "CloudEvent header " + required + " missing on " + record.topic() + "; headers: " + headers);
            }
        }
        if (!"1.0".equals(headers.get("ce_specversion"))) {
            throw new AssertionError("ce_specversion must be 1.0, was " + headers.get("ce_specversion"));
        }
        if (!headers.get("content-type").startsWith("application/json")) {
            throw new AssertionError("content-type must be application/json, was " + headers.get("content-type"));
        }
        Object value = record.value();
        String data = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
        assertConforms(headers.get("ce_type"), data);
        return headers;
    }

    /** Reads a schema file's text, for documentation checks. */
    public static String schemaText(String type) {
        try (InputStream in = EventContracts.class.getClassLoader()
                .getResourceAsStream("orchestrion-events/schemas/" + type + ".schema.json")) {
            if (in == null) {
                throw new AssertionError("No schema for " + type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
