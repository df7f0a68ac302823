package dev.orchestrion.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventWriterTest {

    private final CloudEventWriter writer = new CloudEventWriter("/orchestrion/test-service");

    @Test
    void writesTheBinaryModeAttributesInOneOrderAndTheReaderReadsThemBack() {
        CloudEvent event = new CloudEvent("e-1", "dev.orchestrion.case.created",
                Instant.parse("2026-03-01T10:15:30.120Z"), "case-7", "acme");

        OutgoingRecord record = writer.record("workflow.case-events", "case-7", event, "{\"a\":1}")
                .withHeader("traceparent", "00-abc-def-01");

        assertThat(List.copyOf(record.headers().keySet())).containsExactly("ce_specversion", "ce_id", "ce_source",
                "ce_type", "ce_time", "ce_subject", "ce_tenant", "content-type", "traceparent");
        assertThat(record.headers()).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "/orchestrion/test-service")
                .containsEntry("ce_time", "2026-03-01T10:15:30.120Z").containsEntry("content-type", "application/json");
        ConsumerRecord<String, String> consumed = consumed(record.toProducerRecord());
        assertThat(CloudEventHeaders.id(consumed)).isEqualTo("e-1");
        assertThat(CloudEventHeaders.type(consumed)).isEqualTo("dev.orchestrion.case.created");
        assertThat(CloudEventHeaders.tenant(consumed)).isEqualTo("acme");
        assertThat(CloudEventHeaders.header(consumed, CloudEventHeaders.SUBJECT)).isEqualTo("case-7");
        assertThat(CloudEventHeaders.all(consumed)).isEqualTo(record.headers());
        assertThat(consumed.key()).isEqualTo("case-7");
        assertThat(consumed.value()).isEqualTo("{\"a\":1}");
    }

    @Test
    void anEventWithoutSubjectHasNoSubjectHeader() {
        Map<String, String> headers = writer
                .headers(new CloudEvent("e-2", "dev.orchestrion.trigger.fired", Instant.EPOCH, null, "acme"));

        assertThat(headers).doesNotContainKey("ce_subject").containsEntry("ce_time", "1970-01-01T00:00:00Z");
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return record;
    }
}
