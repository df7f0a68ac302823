package dev.orchestrion.runner.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.orchestrion.runner.KafkaRecords;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.testsupport.TestTokens;

/** ORCHESTRION_RUNNER_EVENTS_PER_NODE=true: every run publishes one record per event, with no definition asking. */
@QuarkusTest
@TestProfile(PerNodeEventsSwitchTest.PerNode.class)
class PerNodeEventsSwitchTest {

    public static final class PerNode implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orchestrion.runner.events.per-node", "true");
        }
    }

    @Test
    void theSwitchMakesEveryEventARecordOfItsOwn() {
        String token = TestTokens.token("acme", "client");
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        String runId = Runs.start(token, definitionId, caseId,
                PeerServices.parameterSet(definitionId, 1, Map.of("amount", 4)));
        assertThat(Runs.awaitEnd(token, runId).getString("status")).isEqualTo("COMPLETED");

        assertThat(KafkaRecords.runEventsUntilEnded(runId)).extracting(CloudEventHeaders::type)
                .doesNotContain("dev.orchestrion.run.progressed").contains("dev.orchestrion.run.node-completed")
                .hasSize(12);
    }
}
