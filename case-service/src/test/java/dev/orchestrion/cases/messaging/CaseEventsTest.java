package dev.orchestrion.cases.messaging;

import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.newCase;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static dev.orchestrion.cases.testing.Api.patchCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.cases.testing.CaseEventsTopic;
import dev.orchestrion.cases.testing.CasesDatabase;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.testsupport.EventContracts;

/** Every create, change and erasure of a case is announced on workflow.case-events, without personal values. */
@QuarkusTest
class CaseEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createUpdateAndEraseEachEmitOneEventInOrder() throws Exception {
        String tenant = newTenant("events");
        UUID id = newCase(tenant, """
                {"firstName":"Zelda","personalNumber":"18151210-9999","email":"zelda.events@mail.test",
                 "attributes":{"tier":"silver"}}""");
        patchCase(tenant, id, "{\"email\":\"zelda.moved@mail.test\",\"attributes\":{\"tier\":\"platinum\"}}")
                .statusCode(200);
        patchCase(tenant, id, "{\"email\":\"zelda.moved@mail.test\"}").statusCode(200); // changes nothing
        as(tenant).when().delete("/cases/{id}", id).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = CaseEventsTopic.awaitCase(id, 3);
        assertThat(records).hasSize(3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> CasesDatabase.number("SELECT count(*) FROM case_outbox WHERE case_id = ?", id) == 0);
        assertThat(CaseEventsTopic.of(List.of(id))).as("nothing more than the three changes").hasSize(3);

        ConsumerRecord<String, String> created = records.get(0);
        ConsumerRecord<String, String> updated = records.get(1);
        ConsumerRecord<String, String> erased = records.get(2);
        for (ConsumerRecord<String, String> record : records) {
            Map<String, String> headers = EventContracts.assertCloudEvent(record);
            assertThat(record.key()).isEqualTo(id.toString());
            assertThat(headers).containsEntry("ce_subject", id.toString()).containsEntry("ce_tenant", tenant)
                    .containsEntry("ce_source", "/orchestrion/case-service").containsEntry("ce_specversion", "1.0")
                    .containsEntry("content-type", "application/json");
            assertThat(headers.get("ce_id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(Instant.parse(headers.get("ce_time"))).isBefore(Instant.now().plusSeconds(1));
            // Names of fields, never their values (the values chosen cannot occur in ids or timestamps).
            assertThat(record.value()).doesNotContain("Zelda", "zelda", "18151210", "mail.test", "silver", "platinum");
        }
        assertThat(records.stream().map(CloudEventHeaders::id).distinct()).hasSize(3);

        assertThat(CloudEventHeaders.type(created)).isEqualTo("dev.orchestrion.case.created");
        JsonNode createdData = JSON.readTree(created.value());
        assertThat(createdData.get("caseId").asText()).isEqualTo(id.toString());
        assertThat(createdData.get("tenant").asText()).isEqualTo(tenant);
        assertThat(createdData.get("revision").asLong()).isZero();
        assertThat(JSON.convertValue(createdData.get("fields"), List.class)).containsExactly("firstName",
                "personalNumber", "email", "attributes");

        assertThat(CloudEventHeaders.type(updated)).isEqualTo("dev.orchestrion.case.updated");
        JsonNode updatedData = JSON.readTree(updated.value());
        assertThat(updatedData.get("revision").asLong()).isEqualTo(1);
        assertThat(JSON.convertValue(updatedData.get("changedFields"), List.class)).containsExactly("email",
                "attributes");

        assertThat(CloudEventHeaders.type(erased)).isEqualTo("dev.orchestrion.case.erased");
        assertThat(JSON.readTree(erased.value()).get("revision").asLong()).isEqualTo(2);
    }
}
