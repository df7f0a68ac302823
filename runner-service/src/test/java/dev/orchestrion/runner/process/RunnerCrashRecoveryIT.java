package dev.orchestrion.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.testsupport.TestInfrastructure;
import dev.orchestrion.testsupport.TestPostgres;
import dev.orchestrion.testsupport.TestTokens;

/**
 * The packaged runner is killed with SIGKILL while a batch of runs is under way, some of them parked on durable
 * delays; a new instance finishes every run exactly once with the right result.
 */
@Tag("packaged-runner")
class RunnerCrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DELAYED = """
            {"name":"Delayed","parameters":[{"name":"amount","type":"number","required":true}],
             "nodes":[{"id":"start","type":"start"},
              {"id":"wait","type":"delay","properties":{"mode":"duration","duration":"PT4S"}},
              {"id":"end","type":"end","properties":{"result":{"tripled":"params.amount * 3.0"}}}],
             "executionConnectors":[{"from":"start","output":"next","to":"wait"},{"from":"wait","output":"next","to":"end"}]}
            """;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = TestTokens.token("acme", "client");

    @Test
    void aKilledRunnerLosesNoRunAndCompletesNoneTwice() throws Exception {
        String database = "runner_crash_it";
        TestPostgres postgres = TestInfrastructure.postgres();
        postgres.recreateDatabase(database);
        String peers = PeerServices.server().baseUrl();
        String reference = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        String delayed = PeerServices.activeDefinition(DELAYED);
        UUID caseId = PeerServices.existingCase(Map.of());
        Map<String, Double> amounts = new HashMap<>();
        Map<String, String> definitionOfRun = new HashMap<>();

        try (RunnerProcess first = RunnerProcess.start("first", database, peers, Map.of()).awaitReady()) {
            List<CompletableFuture<Void>> requests = new ArrayList<>();
            // Clients reuse a few parameter sets and keep at most 32 requests in flight, as real client systems do.
            Map<String, UUID> parameterSets = new HashMap<>();
            Semaphore inFlight = new Semaphore(32);
            for (int i = 0; i < 300; i++) {
                double amount = i % 10 * 20;
                String definition = i % 15 == 0 ? delayed : reference;
                UUID parameters = parameterSets.computeIfAbsent(definition + amount,
                        k -> PeerServices.parameterSet(definition, 1, Map.of("amount", amount)));
                inFlight.acquire();
                requests.add(request(first, definition, caseId, parameters).whenComplete((id, e) -> inFlight.release())
                        .thenAccept(runId -> {
                            synchronized (amounts) {
                                amounts.put(runId, amount);
                                definitionOfRun.put(runId, definition);
                            }
                        }));
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
            // Kill once some runs have completed and others have not: in the middle of the batch.
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> count(postgres, database, "status = 'COMPLETED'") > 0);
            first.kill();
        }
        long unfinished = count(postgres, database, "status <> 'COMPLETED'");
        assertThat(unfinished).as("runs not finished when the runner was killed").isPositive();
        assertThat(count(postgres, database, "true")).isEqualTo(300);

        try (RunnerProcess second = RunnerProcess.start("second", database, peers, Map.of()).awaitReady()) {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(count(postgres, database, "status <> 'COMPLETED'"))
                            .as("unfinished runs; second instance log:\n%s", second.tail()).isZero());

            Map<String, JsonNode> results = results(postgres, database);
            for (Map.Entry<String, Double> run : amounts.entrySet()) {
                JsonNode result = results.get(run.getKey());
                if (definitionOfRun.get(run.getKey()).equals(delayed)) {
                    assertThat(result.get("tripled").asDouble()).isEqualTo(run.getValue() * 3);
                } else {
                    assertThat(result.get("doubled").asDouble()).isEqualTo(run.getValue() * 2);
                    assertThat(result.get("size").asText()).isEqualTo(run.getValue() * 2 > 100 ? "large" : "small");
                }
            }

            Map<String, Set<String>> completions = completedEventIds(amounts.keySet());
            assertThat(completions.keySet()).containsExactlyInAnyOrderElementsOf(amounts.keySet());
            completions.forEach((run, ids) -> assertThat(ids).as("RunCompleted events of %s", run).hasSize(1));
        }
    }

    /**
     * Posts a run request as a careful client system does: with an Idempotency-Key, retrying a 503 (a peer briefly
     * unavailable on a loaded machine) a few times with the same key, so a retry never starts a second run.
     */
    private CompletableFuture<String> request(RunnerProcess runner, String definition, UUID caseId, UUID parameters) {
        String body = "{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\"" + definition
                + "\",\"parametersId\":\"" + parameters + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/workflows/run"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request, 5);
    }

    private CompletableFuture<String> send(HttpRequest request, int attemptsLeft) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() == 503 && attemptsLeft > 1) {
                Executor later = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);
                return CompletableFuture.supplyAsync(() -> request, later).thenCompose(r -> send(r, attemptsLeft - 1));
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Run request answered " + response.statusCode() + ": " + response.body());
            }
            try {
                return CompletableFuture.completedFuture(JSON.readTree(response.body()).get("id").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static long count(TestPostgres postgres, String database, String where) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                postgres.password());
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM runs WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, JsonNode> results(TestPostgres postgres, String database) throws Exception {
        Map<String, JsonNode> results = new HashMap<>();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                postgres.password());
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id, result::text FROM runs")) {
            while (rs.next()) {
                results.put(rs.getString(1), JSON.readTree(rs.getString(2)));
            }
        }
        return results;
    }

    /** The distinct event ids of the RunCompleted records of each run (a redelivered record keeps its id). */
    private static Map<String, Set<String>> completedEventIds(Set<String> runs) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Set<String>> completions = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("workflow.run-events"));
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if ("dev.orchestrion.run.completed".equals(CloudEventHeaders.type(record))
                            && runs.contains(record.key())) {
                        completions.computeIfAbsent(record.key(), k -> new HashSet<>())
                                .add(CloudEventHeaders.id(record));
                    }
                }
                return completions.size() == runs.size();
            });
        }
        return completions;
    }
}
