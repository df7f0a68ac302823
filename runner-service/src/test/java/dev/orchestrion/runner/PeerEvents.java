package dev.orchestrion.runner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.support.messaging.CloudEvent;
import dev.orchestrion.support.messaging.CloudEventWriter;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.testsupport.EventContracts;
import dev.orchestrion.testsupport.TestInfrastructure;

/**
 * Publishes what the runner's peers publish, exactly as their contract (docs/events) says: definition events as
 * definition-service does when a definition starts, pauses or is re-prioritised, case events as case-service does,
 * entry events as content-workflow-service does. Every record is checked against the contract before it is sent.
 */
public final class PeerEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private PeerEvents() {
    }

    /**
     * Publishes an ACTIVE definition (version 1) in {@code tenant}: definition-service's API answers for it
     * (WireMock) and DefinitionStarted goes to {@code workflow.definition-events}. Answers its id.
     */
    public static String startedDefinition(String tenant, String definitionJson) {
        String id = PeerServices.activeDefinition(definitionJson);
        definitionEvent(tenant, id, "started", "ACTIVE", 1, 1);
        return id;
    }

    /** A definition event of {@code type} (started, paused, resumed, finalized, published, deleted). */
    public static void definitionEvent(String tenant, String definitionId, String type, String status,
            Integer publishedVersion, long revision) {
        definitionEventOn(null, tenant, definitionId, type, status, publishedVersion, revision);
    }

    /** definition-service's {@code GET /priorities}, position 1 first (the stub answers for any tenant). */
    public static void priorities(List<String> definitionIds) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < definitionIds.size(); i++) {
            items.append(i == 0 ? "" : ",").append("{\"position\":").append(i + 1).append(",\"definitionId\":\"")
                    .append(definitionIds.get(i)).append("\",\"name\":\"w\",\"exclusiveGroup\":null}");
        }
        PeerServices.server().stubFor(
                get(urlPathEqualTo("/priorities")).willReturn(PeerServices.okJson("{\"items\":[" + items + "]}")));
    }

    /** case-service answers {@code POST /cases} for this definition's system case with a new case; answers its id. */
    public static UUID systemCaseFor(String definitionId) {
        UUID caseId = PeerServices.existingCase(Map.of("companyName", "Orchestrion system case"));
        PeerServices.server().stubFor(post(urlPathEqualTo("/cases"))
                .withRequestBody(matchingJsonPath("$.externalRef", equalTo("orchestrion:system:" + definitionId)))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + caseId + "\",\"companyName\":\"Orchestrion system case\","
                                + "\"externalRef\":\"orchestrion:system:" + definitionId + "\",\"erased\":false}")));
        return caseId;
    }

    /** A case event as case-service publishes it; answers the event id. */
    public static UUID caseEvent(String tenant, UUID caseId, String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", caseId.toString());
        data.put("tenant", tenant);
        data.put("occurredAt", Instant.now().toString());
        if (!"erased".equals(type)) {
            data.put("fields", List.of("firstName"));
        }
        UUID id = UUID.randomUUID();
        send("workflow.case-events", caseId.toString(), "dev.orchestrion.case." + type, caseId.toString(), tenant, data,
                "/orchestrion/case-service", id);
        return id;
    }

    /** An entry event as content-workflow-service publishes it; answers the event id. */
    public static UUID entryPublished(String tenant, String entryId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entryId", entryId);
        data.put("tenant", tenant);
        data.put("contentType", "article");
        data.put("workflowId", "basic");
        data.put("workflowState", "published");
        data.put("latestVersion", 2);
        data.put("publicVersion", 2);
        data.put("occurredAt", Instant.now().toString());
        data.put("publishedAt", Instant.now().toString());
        UUID id = UUID.randomUUID();
        send("content.entry-events", entryId, "dev.orchestrion.entry.published", entryId, tenant, data,
                "/orchestrion/content-workflow-service", id);
        return id;
    }

    /**
     * Publishes a consumed record again, as it was: same key, headers (ce_id included) and value. Answers where the
     * copy landed, so that a test can wait until a consumer group has consumed it.
     */
    public static RecordMetadata republish(ConsumerRecord<String, String> record) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
        for (Header header : record.headers()) {
            copy.headers().add(header.key(), header.value());
        }
        return sendRecord(copy);
    }

    /**
     * A definition event of {@code type} as {@link #definitionEvent} sends it, but on the given partition of
     * {@code workflow.definition-events} (to put it ahead of other records of that partition); null: the key's.
     */
    public static void definitionEventOn(Integer partition, String tenant, String definitionId, String type,
            String status, Integer publishedVersion, long revision) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("definitionId", definitionId);
        data.put("tenant", tenant);
        data.put("name", "Test definition");
        data.put("status", status);
        data.put("publishedVersion", publishedVersion);
        data.put("revision", revision);
        data.put("triggerKind", "api");
        data.put("exclusiveGroup", null);
        data.put("occurredAt", Instant.now().toString());
        send("workflow.definition-events", partition, definitionId, "dev.orchestrion.definition." + type, definitionId,
                tenant, data, "/orchestrion/definition-service", UUID.randomUUID());
    }

    /**
     * A record no peer would publish under its contract (garbage, missing attributes), exactly as given: for tests of
     * what consumers do with bad records. Null header values are left out.
     */
    public static void rawRecord(String topic, String key, Map<String, String> headers, String value) {
        Map<String, String> present = new LinkedHashMap<>();
        headers.forEach((name, headerValue) -> {
            if (headerValue != null) {
                present.put(name, headerValue);
            }
        });
        sendRecord(new OutgoingRecord(topic, key, present, value).toProducerRecord());
    }

    static void send(String topic, String key, String type, String subject, String tenant, Map<String, Object> data,
            String source, UUID id) {
        send(topic, null, key, type, subject, tenant, data, source, id);
    }

    static void send(String topic, Integer partition, String key, String type, String subject, String tenant,
            Map<String, Object> data, String source, UUID id) {
        String value;
        try {
            value = JSON.writeValueAsString(data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        EventContracts.assertConforms(type, value);
        ProducerRecord<String, String> event = new CloudEventWriter(source)
                .record(topic, key, new CloudEvent(id.toString(), type, Instant.now(), subject, tenant), value)
                .toProducerRecord();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, value, event.headers());
        sendRecord(record);
    }

    private static synchronized RecordMetadata sendRecord(ProducerRecord<String, String> record) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
