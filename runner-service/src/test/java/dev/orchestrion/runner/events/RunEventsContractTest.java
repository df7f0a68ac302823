package dev.orchestrion.runner.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.runner.KafkaRecords;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.testsupport.EventContracts;
import dev.orchestrion.testsupport.TestTokens;

/** What the runner puts on Kafka follows the event contract in docs/events, record by record. */
@QuarkusTest
class RunEventsContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The events of one run of the reference workflow (five nodes), in order. */
    private static final String[] ONE_RUN = {"started", "node-started", "node-completed", "node-started",
            "node-completed", "node-started", "node-completed", "node-started", "node-completed", "node-started",
            "node-completed", "completed"};

    @Test
    void aRunsCommandsAndEventsAreContractConformingCloudEventsInOrder() throws Exception {
        String token = TestTokens.token("acme", "client");
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 4));
        String runId = Runs.start(token, definitionId, caseId, parametersId);
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");

        // the lean stream: each stretch's node events in one progressed record (RunStarted in the first one when the
        // first stretch also ended the run, a record of its own otherwise), then RunCompleted
        List<ConsumerRecord<String, String>> records = KafkaRecords.runEventsUntilEnded(runId);
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Map<String, String> headers = EventContracts.assertCloudEvent(record);
            assertThat(headers).containsEntry("ce_tenant", "acme").containsEntry("ce_subject", runId)
                    .containsEntry("ce_source", "/orchestrion/runner-service");
            String type = headers.get("ce_type").replace("dev.orchestrion.run.", "");
            assertThat(type).isIn("started", "progressed", "completed");
            if (!"progressed".equals(type)) {
                types.add(type);
                ids.add(headers.get("ce_id"));
                continue;
            }
            // each event it carries is, with the record's run fields, exactly the event its own schema describes
            JsonNode progressed = JSON.readTree(record.value());
            for (JsonNode carried : progressed.get("events")) {
                ObjectNode event = JSON.createObjectNode();
                for (String field : List.of("runId", "tenant", "workflowDefinitionId", "version", "caseId")) {
                    event.set(field, progressed.get(field));
                }
                carried.fields().forEachRemaining(f -> event.set(f.getKey(), f.getValue()));
                String carriedType = event.remove("type").asText();
                ids.add(event.remove("id").asText());
                types.add(carriedType);
                EventContracts.assertConforms("dev.orchestrion.run." + carriedType, event.toString());
            }
        }
        assertThat(records.size()).isLessThan(ONE_RUN.length);
        assertThat(types).containsExactly(ONE_RUN);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(records.get(records.size() - 1).value()).contains("\"status\":\"COMPLETED\"")
                .contains("\"size\":\"small\"");

        // a definition that asks for node events gets each as a record of its own
        String perNode = PeerServices.activeDefinition(
                PeerServices.example("reference-workflow.json").replaceFirst("\\{", "{\"nodeEvents\": true, "));
        String perNodeRun = Runs.start(token, perNode, caseId,
                PeerServices.parameterSet(perNode, 1, Map.of("amount", 4)));
        assertThat(Runs.awaitEnd(token, perNodeRun).getString("status")).isEqualTo("COMPLETED");
        List<String> perNodeTypes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaRecords.runEventsUntilEnded(perNodeRun)) {
            perNodeTypes
                    .add(EventContracts.assertCloudEvent(record).get("ce_type").replace("dev.orchestrion.run.", ""));
        }
        assertThat(perNodeTypes).containsExactly(ONE_RUN);

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
