package dev.orchestrion.cases.messaging;

import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static dev.orchestrion.cases.testing.ParameterDeclarations.optional;
import static dev.orchestrion.cases.testing.ParameterDeclarations.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import dev.orchestrion.cases.testing.FakeDefinitionService;
import dev.orchestrion.support.messaging.CloudEvent;
import dev.orchestrion.support.messaging.CloudEventWriter;
import dev.orchestrion.testsupport.EventContracts;
import dev.orchestrion.testsupport.TestInfrastructure;

/** Parameter schemas are cached, and a definition event on workflow.definition-events makes them fresh again. */
@QuarkusTest
class SchemaCacheInvalidationTest {

    @Test
    void aCachedSchemaServesUntilADefinitionEventSaysItChanged() throws Exception {
        String tenant = newTenant("cache");
        UUID definition = FakeDefinitionService.started(tenant, List.of(optional("amount", "number")));
        assertThat(create(tenant, definition, "{\"amount\":1}").<Integer>path("definitionVersion")).isEqualTo(1);
        assertThat(create(tenant, definition, "{}").<Integer>path("definitionVersion")).isEqualTo(1);
        assertThat(FakeDefinitionService.schemaRequests(definition)).as("the second create used the cache")
                .isEqualTo(1);

        FakeDefinitionService.publish(tenant, definition,
                List.of(required("amount", "number"), required("limit", "integer")));
        assertThat(create(tenant, definition, "{\"amount\":1}").<Integer>path("definitionVersion"))
                .as("no event yet: the cached version 1 still applies").isEqualTo(1);

        publishDefinitionEvent(tenant, definition, "dev.orchestrion.definition.published", 2);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> create(tenant, definition, "{\"amount\":1}").statusCode() == 400);
        ExtractableResponse<Response> created = create(tenant, definition, "{\"amount\":1,\"limit\":3}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.<Integer>path("definitionVersion")).isEqualTo(2);
        assertThat(FakeDefinitionService.schemaRequests(definition)).isEqualTo(2);
    }

    @Test
    void anEventAboutAnotherDefinitionKeepsTheCache() throws Exception {
        String tenant = newTenant("cache-other");
        UUID kept = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
        UUID changed = FakeDefinitionService.started(tenant, List.of(optional("x", "string")));
        create(tenant, kept, "{}");
        create(tenant, changed, "{}");

        publishDefinitionEvent(tenant, changed, "dev.orchestrion.definition.paused", 1);
        publishDefinitionEvent(tenant, changed, "dev.orchestrion.definition.paused", 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            create(tenant, changed, "{}");
            return FakeDefinitionService.schemaRequests(changed) >= 2;
        });
        create(tenant, kept, "{}");
        assertThat(FakeDefinitionService.schemaRequests(kept)).isEqualTo(1);
    }

    private static ExtractableResponse<Response> create(String tenant, UUID definition, String parameters) {
        return as(tenant).contentType(ContentType.JSON)
                .body("{\"workflowDefinitionId\":\"" + definition + "\",\"parameters\":" + parameters + "}").when()
                .post("/parameters").then().extract();
    }

    /** A definition event as definition-service publishes it (docs/events), checked against its schema first. */
    private static void publishDefinitionEvent(String tenant, UUID definition, String type, int publishedVersion)
            throws Exception {
        String data = """
                {"definitionId":"%s","tenant":"%s","name":"Loan","status":"%s","publishedVersion":%d,"revision":7,
                 "triggerKind":"api","actor":"designer@%s","occurredAt":"%s"}""".formatted(definition, tenant,
                type.endsWith("paused") ? "PAUSED" : "ACTIVE", publishedVersion, tenant, Instant.now());
        EventContracts.assertConforms(type, data);
        ProducerRecord<String, String> record = new CloudEventWriter("/orchestrion/definition-service")
                .record("workflow.definition-events", definition.toString(), new CloudEvent(
                        UUID.randomUUID().toString(), type, Instant.now(), definition.toString(), tenant), data)
                .toProducerRecord();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        }
    }
}
