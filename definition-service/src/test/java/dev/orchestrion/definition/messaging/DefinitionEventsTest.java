package dev.orchestrion.definition.messaging;

import static dev.orchestrion.definition.Api.as;
import static dev.orchestrion.definition.Api.create;
import static dev.orchestrion.definition.Api.simple;
import static dev.orchestrion.definition.Api.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.testsupport.EventContracts;

/** Events reach workflow.definition-events on the real broker, as CloudEvents that match the contract. */
@QuarkusTest
class DefinitionEventsTest {

    private static final String TOPIC = "workflow.definition-events";

    @Inject
    ReactiveMongoClient mongo;

    private KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void subscribe() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(TOPIC).forEach(i -> partitions.add(new TopicPartition(TOPIC, i.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    private List<ConsumerRecord<String, String>> recordsFor(String key, int atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(r -> key.equals(r.key())).count() >= atLeast;
        });
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Test
    void everyChangeEmitsItsEventThroughTheOutbox() {
        String t = tenant();
        String id = create(t, simple("Evented"));
        as(t, "designer").body(simple("Evented v1")).put("/definitions/{id}", id).then().statusCode(200);
        as(t, "operator").post("/definitions/{id}/start", id).then().statusCode(200);
        as(t, "designer").body(simple("Evented v2")).put("/definitions/{id}", id).then().statusCode(200);
        as(t, "operator").post("/definitions/{id}/publish", id).then().statusCode(200);
        as(t, "operator").post("/definitions/{id}/pause", id).then().statusCode(200);
        as(t, "operator").post("/definitions/{id}/resume", id).then().statusCode(200);
        as(t, "operator").post("/definitions/{id}/finalize", id).then().statusCode(200);
        as(t, "designer").delete("/definitions/{id}", id).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = recordsFor(id, 9);
        assertThat(records).extracting(CloudEventHeaders::type).containsExactly("dev.orchestrion.definition.created",
                "dev.orchestrion.definition.updated", "dev.orchestrion.definition.started",
                "dev.orchestrion.definition.updated", "dev.orchestrion.definition.published",
                "dev.orchestrion.definition.paused", "dev.orchestrion.definition.resumed",
                "dev.orchestrion.definition.finalized", "dev.orchestrion.definition.deleted");
        for (ConsumerRecord<String, String> record : records) {
            Map<String, String> headers = EventContracts.assertCloudEvent(record);
            assertThat(headers).containsEntry("ce_source", "/orchestrion/definition-service")
                    .containsEntry("ce_subject", id).containsEntry("ce_tenant", t);
        }
        assertThat(records.get(2).value()).contains("\"publishedVersion\": 1").contains("\"status\": \"ACTIVE\"");
        assertThat(records.get(4).value()).contains("\"publishedVersion\": 2");
        assertThat(records.stream().map(CloudEventHeaders::id).distinct()).hasSize(9);

        // start, pause, resume and finalize change the tenant's priority order
        List<ConsumerRecord<String, String>> priorities = recordsFor(t, 4);
        assertThat(priorities).extracting(CloudEventHeaders::type).containsOnly("dev.orchestrion.priorities.changed");
        priorities.forEach(EventContracts::assertCloudEvent);
        assertThat(priorities.get(0).value()).contains(id);
        assertThat(priorities.get(1).value()).doesNotContain(id);
    }

    @Test
    void reorderingPrioritiesEmitsPrioritiesChanged() {
        String t = tenant();
        String a = dev.orchestrion.definition.Api.createStarted(t, "A");
        String b = dev.orchestrion.definition.Api.createStarted(t, "B");
        as(t, "operator").body("{\"order\": [\"" + b + "\", \"" + a + "\"]}").put("/priorities").then().statusCode(200);
        // two starts, then the re-ordering
        List<ConsumerRecord<String, String>> priorities = recordsFor(t, 3);
        ConsumerRecord<String, String> reordered = priorities.get(2);
        EventContracts.assertCloudEvent(reordered);
        assertThat(CloudEventHeaders.type(reordered)).isEqualTo("dev.orchestrion.priorities.changed");
        assertThat(reordered.value()).contains("\"order\": [\"" + b + "\", \"" + a + "\"]");
        assertThat(priorities.get(1).value()).contains("\"order\": [\"" + a + "\", \"" + b + "\"]");
        // each re-ranked definition reports the change too
        assertThat(recordsFor(a, 3)).extracting(CloudEventHeaders::type).endsWith("dev.orchestrion.definition.updated");
    }

    @Test
    void theSweepRelaysWhatACrashLeftInAnOutbox() {
        String t = tenant();
        String id = create(t, simple("Crashed"));
        recordsFor(id, 1);
        // as if the service stopped right after writing a change: an event waits in the document's outbox
        String eventId = UUID.randomUUID().toString();
        Document data = new Document("definitionId", id).append("tenant", t).append("name", "Crashed")
                .append("status", "DRAFT").append("publishedVersion", null).append("revision", 7L)
                .append("triggerKind", "api").append("exclusiveGroup", null).append("actor", "tester")
                .append("occurredAt", Instant.now().toString());
        Document entry = new Document("id", eventId).append("type", "dev.orchestrion.definition.updated")
                .append("key", id).append("tenant", t).append("time", new Date()).append("data", data);
        var definitions = mongo
                .getDatabase(ConfigProvider.getConfig().getValue("quarkus.mongodb.database", String.class))
                .getCollection("definitions");
        definitions.updateOne(Filters.eq("_id", id), new Document("$push", new Document("outbox", entry))).await()
                .atMost(Duration.ofSeconds(5));

        List<ConsumerRecord<String, String>> records = recordsFor(id, 2);
        ConsumerRecord<String, String> relayed = records.get(1);
        EventContracts.assertCloudEvent(relayed);
        assertThat(CloudEventHeaders.id(relayed)).isEqualTo(eventId);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> definitions.find(Filters.eq("_id", id)).collect()
                .first().await().atMost(Duration.ofSeconds(5)).getList("outbox", Document.class).isEmpty());
    }
}
