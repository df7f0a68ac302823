package dev.orchestrion.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads the CloudEvents attributes of a consumed record in Kafka binary mode ({@code ce_*} headers). */
public final class CloudEventHeaders {

    public static final String TYPE = "ce_type";
    public static final String ID = "ce_id";
    public static final String TENANT = "ce_tenant";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";

    private CloudEventHeaders() {
    }

    /** The last value of the header as UTF-8 text, or null when the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String type(ConsumerRecord<?, ?> record) {
        return header(record, TYPE);
    }

    public static String id(ConsumerRecord<?, ?> record) {
        return header(record, ID);
    }

    public static String tenant(ConsumerRecord<?, ?> record) {
        return header(record, TENANT);
    }

    /** Every header as text (the last value of each name), in the record's order. */
    public static Map<String, String> all(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(),
                    header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
