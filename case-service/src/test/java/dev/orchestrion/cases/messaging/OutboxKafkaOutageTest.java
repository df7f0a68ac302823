package dev.orchestrion.cases.messaging;

import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.newCase;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static dev.orchestrion.cases.testing.Api.patchCase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.cases.testing.CaseEventsTopic;
import dev.orchestrion.cases.testing.CasesDatabase;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.testsupport.EventContracts;
import dev.orchestrion.testsupport.TestInfrastructure;
import dev.orchestrion.testsupport.TestKafka;

/**
 * A Kafka outage delays case events, never loses or duplicates them: changes made while Kafka is down are stored with
 * their events, and once Kafka is back every change's event arrives exactly once, each case's in order. Stops the
 * test JVM's Kafka, so it runs after the other classes (but before the one that kills PostgreSQL).
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
class OutboxKafkaOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChangeMadeWhileKafkaIsDownIsPublishedOnceInOrderWhenItIsBack() throws Exception {
        TestKafka kafka = TestInfrastructure.kafka();
        assumeThat(kafka.stoppable()).as("only a Kafka owned by the test JVM can be stopped").isTrue();
        String tenant = newTenant("outage");
        Map<UUID, List<String>> expectedTypes = new LinkedHashMap<>();

        kafka.stop();
        try {
            for (int i = 0; i < 12; i++) {
                UUID id = newCase(tenant, "{\"lastName\":\"Case " + i + "\",\"email\":\"c" + i + "@mail.test\"}");
                List<String> types = new ArrayList<>(List.of("dev.orchestrion.case.created"));
                if (i % 2 == 0) {
                    patchCase(tenant, id, "{\"attributes\":{\"step\":1}}").statusCode(200);
                    patchCase(tenant, id, "{\"attributes\":{\"step\":2},\"firstName\":\"F\"}").statusCode(200);
                    types.add("dev.orchestrion.case.updated");
                    types.add("dev.orchestrion.case.updated");
                }
                if (i % 3 == 0) {
                    as(tenant).when().delete("/cases/{id}", id).then().statusCode(204);
                    types.add("dev.orchestrion.case.erased");
                }
                expectedTypes.put(id, types);
            }
            int changes = expectedTypes.values().stream().mapToInt(List::size).sum();
            assertThat(CasesDatabase.number("SELECT count(*) FROM case_outbox WHERE tenant = ?", tenant))
                    .as("every change waits in the outbox while Kafka is down").isEqualTo(changes);
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> CasesDatabase.number("SELECT count(*) FROM case_outbox WHERE tenant = ?", tenant) == 0);
        List<ConsumerRecord<String, String>> records = CaseEventsTopic.of(expectedTypes.keySet());

        int changes = expectedTypes.values().stream().mapToInt(List::size).sum();
        assertThat(records).as("one event per change").hasSize(changes);
        assertThat(records.stream().map(CloudEventHeaders::id).distinct()).hasSize(changes);
        Map<String, List<ConsumerRecord<String, String>>> byCase = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<UUID, List<String>> expected : expectedTypes.entrySet()) {
            List<ConsumerRecord<String, String>> events = byCase.get(expected.getKey().toString());
            assertThat(events).extracting(r -> CloudEventHeaders.type(r))
                    .as("events of case %s in order", expected.getKey()).containsExactlyElementsOf(expected.getValue());
            for (int revision = 0; revision < events.size(); revision++) {
                EventContracts.assertCloudEvent(events.get(revision));
                assertThat(JSON.readTree(events.get(revision).value()).get("revision").asInt()).isEqualTo(revision);
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }
}
