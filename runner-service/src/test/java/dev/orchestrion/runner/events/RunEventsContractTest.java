package dev.orchestrion.runner.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.runner.KafkaRecords;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.testsupport.EventContracts;
import dev.orchestrion.testsupport.TestTokens;

/** What the runner puts on Kafka follows the event contract in docs/events, record by record. */
@QuarkusTest
class RunEventsContractTest {

    @Test
    void aRunsCommandsAndEventsAreContractConformingCloudEventsInOrder() {
        String token = TestTokens.token("acme", "client");
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 4));
        String runId = Runs.start(token, definitionId, caseId, parametersId);
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");

        List<ConsumerRecord<String, String>> events = readAll("workflow.run-events", runId, 12);
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> event : events) {
            Map<String, String> headers = EventContracts.assertCloudEvent(event);
            assertThat(headers).containsEntry("ce_tenant", "acme").containsEntry("ce_subject", runId)
                    .containsEntry("ce_source", "/orchestrion/runner-service");
            types.add(headers.get("ce_type").replace("dev.orchestrion.run.", ""));
            ids.add(headers.get("ce_id"));
        }
        assertThat(types).containsExactly("started", "node-started", "node-completed", "node-started", "node-completed",
                "node-started", "node-completed", "node-started", "node-completed", "node-started", "node-completed",
                "completed");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(events.get(events.size() - 1).value()).contains("\"status\":\"COMPLETED\"")
                .contains("\"size\":\"small\"");

        // a run that goes through run commands (its definition opts out of the eager start): its StartRun conforms
        String queued = PeerServices.activeDefinition(
                PeerServices.example("reference-workflow.json").replaceFirst("\\{", "{\"eager\": false, "));
        String queuedRun = Runs.start(token, queued, caseId, PeerServices.parameterSet(queued, 1, Map.of("amount", 4)));
        List<ConsumerRecord<String, String>> commands = readAll("workflow.run-commands", queuedRun, 1);
        assertThat(EventContracts.assertCloudEvent(commands.get(0))).containsEntry("ce_type",
                "dev.orchestrion.run.start");
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, String key, int atLeast) {
        return KafkaRecords.read(topic, record -> key.equals(record.key()), atLeast);
    }
}
