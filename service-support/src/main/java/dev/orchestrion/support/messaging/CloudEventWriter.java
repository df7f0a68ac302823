package dev.orchestrion.support.messaging;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes CloudEvents 1.0 in Kafka binary mode for one producing service: the attributes as {@code ce_*} headers
 * (in the same order everywhere), {@code content-type: application/json}, and the event's data as the record value.
 * {@link CloudEventHeaders} reads them back.
 */
public final class CloudEventWriter {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SOURCE = "ce_source";
    public static final String CONTENT_TYPE = "content-type";

    private final String source;

    /** @param source the producing service's {@code ce_source}, e.g. {@code /orchestrion/case-service} */
    public CloudEventWriter(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** The event's headers: ce_specversion, ce_id, ce_source, ce_type, ce_time, ce_subject, ce_tenant, content-type. */
    public Map<String, String> headers(CloudEvent event) {
        Map<String, String> headers = new LinkedHashMap<>(12);
        headers.put(SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, event.id());
        headers.put(SOURCE, source);
        headers.put(CloudEventHeaders.TYPE, event.type());
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        if (event.subject() != null) {
            headers.put(CloudEventHeaders.SUBJECT, event.subject());
        }
        headers.put(CloudEventHeaders.TENANT, event.tenant());
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }

    /** The event as a record for {@code topic} with {@code key}; {@code data} is its JSON text. */
    public OutgoingRecord record(String topic, String key, CloudEvent event, String data) {
        return new OutgoingRecord(topic, key, headers(event), data);
    }
}
