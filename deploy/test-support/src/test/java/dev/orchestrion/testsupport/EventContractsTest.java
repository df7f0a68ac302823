package dev.orchestrion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** The contract checker itself, and the contract's internal consistency. */
class EventContractsTest {

    private static final Path EVENTS = Path.of(System.getProperty("orchestrion.root", "../.."), "docs", "events");

    @Test
    void acceptsDataThatFitsItsSchemaAndNamesWhatBreaksIt() {
        EventContracts.assertConforms("dev.orchestrion.case.created", """
                {"caseId":"6f1c1c4e-7d9e-4c55-8f0e-2a1a9f0e0b11","tenant":"acme",
                 "occurredAt":"2026-01-01T00:00:00Z","fields":["email"],"revision":0}
                """);
        assertThatThrownBy(() -> EventContracts.assertConforms("dev.orchestrion.case.created", """
                {"caseId":"not-a-uuid","tenant":"acme","occurredAt":"2026-01-01T00:00:00Z","fields":["email"],
                 "email":"ada@example.com"}
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("caseId").hasMessageContaining("email");
        assertThatThrownBy(() -> EventContracts.assertConforms("dev.orchestrion.no.such-event", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("No schema");
    }

    @Test
    void checksTheCloudEventsEnvelope() {
        String data = """
                {"caseId":"6f1c1c4e-7d9e-4c55-8f0e-2a1a9f0e0b11","tenant":"acme","occurredAt":"2026-01-01T00:00:00Z"}
                """;
        ConsumerRecord<String, String> record = new ConsumerRecord<>("workflow.case-events", 0, 0,
                "6f1c1c4e-7d9e-4c55-8f0e-2a1a9f0e0b11", data);
        record.headers().add(header("ce_specversion", "1.0")).add(header("ce_id", "e-1"))
                .add(header("ce_source", "/orchestrion/case-service"))
                .add(header("ce_type", "dev.orchestrion.case.erased")).add(header("ce_time", "2026-01-01T00:00:00Z"))
                .add(header("ce_tenant", "acme")).add(header("content-type", "application/json"));
        assertThat(EventContracts.assertCloudEvent(record)).containsEntry("ce_type", "dev.orchestrion.case.erased");

        record.headers().remove("ce_tenant");
        assertThatThrownBy(() -> EventContracts.assertCloudEvent(record)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ce_tenant");
    }

    @Test
    void everyMessageOfTheAsyncApiDocumentHasASchemaAndEverySchemaIsListed() throws IOException {
        String asyncApi = Files.readString(EVENTS.resolve("asyncapi.yaml"), StandardCharsets.UTF_8);
        Matcher refs = Pattern.compile("\\./schemas/([a-z.\\-]+)\\.schema\\.json").matcher(asyncApi);
        Set<String> referenced = refs.results().map(m -> m.group(1)).collect(Collectors.toSet());
        Set<String> files;
        try (Stream<Path> list = Files.list(EVENTS.resolve("schemas"))) {
            files = list.map(p -> p.getFileName().toString().replace(".schema.json", "")).collect(Collectors.toSet());
        }
        assertThat(referenced).isEqualTo(files);
        for (String type : files) {
            assertThat(EventContracts.schema(type)).as(type).isNotNull();
            assertThat(EventContracts.schemaText(type)).contains("\"$id\"");
        }
        for (String topic : List.of("workflow.run-commands", "workflow.run-events", "workflow.definition-events",
                "workflow.case-events", "content.entry-events", "workflow.trigger-events")) {
            assertThat(asyncApi).contains("address: " + topic + "\n").contains("address: " + topic + ".dlq\n");
        }
    }

    private static RecordHeader header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
