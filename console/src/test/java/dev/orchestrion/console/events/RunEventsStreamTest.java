package dev.orchestrion.console.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.console.testing.Browser;
import dev.orchestrion.testsupport.TestInfrastructure;

/**
 * {@code GET /events} against the embedded Kafka: two tenants' browsers listen while the runner's events of both
 * tenants arrive on {@code workflow.run-events}; each sees its own tenant's events and never the other's.
 */
@QuarkusTest
class RunEventsStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "workflow.run-events";

    @TestHTTPResource("/events")
    URI events;

    @Test
    void eachTenantSeesItsOwnRunEventsAndNeverAnotherTenants() throws Exception {
        Stream acme = open(Browser.signIn("acme", "operator"));
        Stream globex = open(Browser.signIn("globex", "operator"));
        await().atMost(Duration.ofSeconds(30)).until(() -> acme.connected() && globex.connected());

        String acmeRun = UUID.randomUUID().toString();
        String globexRun = UUID.randomUUID().toString();
        String definition = UUID.randomUUID().toString();
        // one partition, in this order: when globex's event arrives every acme record before it has been handled
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "started", "acme",
                    run(acmeRun, "acme", definition) + ",\"occurredAt\":\"2026-12-06T08:00:00Z\"}");
            send(producer, "progressed", "acme", run(acmeRun, "acme", definition)
                    + ",\"occurredAt\":\"2026-12-06T08:00:02Z\",\"events\":[" + "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"type\":\"node-started\",\"occurredAt\":\"2026-12-06T08:00:01Z\",\"nodeId\":\"fetch\"},"
                    + "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"type\":\"node-completed\",\"occurredAt\":\"2026-12-06T08:00:02Z\",\"nodeId\":\"fetch\"}]}");
            send(producer, "completed", "acme", run(acmeRun, "acme", definition)
                    + ",\"occurredAt\":\"2026-12-06T08:00:03Z\",\"status\":\"COMPLETED\"}");
            send(producer, "failed", "globex", run(globexRun, "globex", definition)
                    + ",\"occurredAt\":\"2026-12-06T08:00:04Z\",\"status\":\"FAILED\"}");
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(acme.types(acmeRun))
                .containsExactly("run.started", "run.node-started", "run.node-completed", "run.completed"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(globex.types(globexRun)).containsExactly("run.failed"));

        assertThat(globex.runIds()).as("globex never sees acme's run").containsOnly(globexRun);
        assertThat(acme.runIds()).doesNotContain(globexRun);
        JsonNode completed = acme.messages().stream().filter(m -> m.path("type").asText().equals("run.completed"))
                .findFirst().orElseThrow();
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("definitionId").asText()).isEqualTo(definition);
        assertThat(completed.path("occurredAt").asText()).isEqualTo("2026-12-06T08:00:03Z");
        assertThat(completed.has("tenant")).isFalse();
        assertThat(acme.lines()).contains("event:run");
    }

    @Test
    void withoutASessionThereIsNoStream() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(events).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private static String run(String runId, String tenant, String definition) {
        return "{\"runId\":\"" + runId + "\",\"tenant\":\"" + tenant + "\",\"workflowDefinitionId\":\"" + definition
                + "\",\"version\":1,\"caseId\":\"" + UUID.randomUUID() + "\"";
    }

    private static void send(KafkaProducer<String, String> producer, String type, String tenant, String value)
            throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, 0, "key", value);
        record.headers().add("ce_type", ("dev.orchestrion.run." + type).getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_tenant", tenant.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private Stream open(Browser browser) {
        String cookies = browser.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        Stream stream = new Stream(new CopyOnWriteArrayList<>());
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                        .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(stream.lines()::add));
        return stream;
    }

    /** The lines one browser's stream has received so far. */
    private record Stream(List<String> lines) {

        boolean connected() {
            return lines.contains(":connected") || lines.contains(": connected");
        }

        List<JsonNode> messages() {
            return lines.stream().filter(line -> line.startsWith("data:")).map(line -> {
                try {
                    return JSON.readTree(line.substring("data:".length()).strip());
                } catch (java.io.IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }).toList();
        }

        List<String> runIds() {
            return messages().stream().map(m -> m.path("runId").asText()).distinct().toList();
        }

        List<String> types(String runId) {
            return messages().stream().filter(m -> runId.equals(m.path("runId").asText()))
                    .map(m -> m.path("type").asText()).toList();
        }
    }
}
