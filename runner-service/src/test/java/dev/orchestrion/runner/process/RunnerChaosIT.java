package dev.orchestrion.runner.process;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.events.RunEventRecords;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.testsupport.TestInfrastructure;
import dev.orchestrion.testsupport.TestPostgres;
import dev.orchestrion.testsupport.TestTokens;

/**
 * Nothing lost, proven under load: two packaged runner instances share the work while clients keep sending runs
 * through both paths (the eager start and run commands), through the API ({@code POST /workflows/run}) and through
 * an HTTP binding that answers with the run's result ({@code respondWith: result}, eager and not), some parking on a
 * delay and some calling a loopback stub.
 * The instances die at least six times, at named failpoints (inside the checkpoint transaction, after its commit,
 * after the outbox publish, before the offset commit, after an eager commit before the answer, after a queued run is
 * stored before its StartRun) and by SIGKILL, each time with the other one taking over its partitions (a rebalance
 * with batches in flight). Clients retry a failed request with the same Idempotency-Key on whichever instance lives
 * (a binding call also when it answered 202: its run had not ended within the binding's response timeout).
 * Then every run-event record is read to the topic's end and the database is checked, run by run.
 */
@Tag("packaged-runner")
class RunnerChaosIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Each new instance arms the next of these; the test asserts that most of them fired. The first instance has
     * about five seconds of load before the test kills it, the second that plus the first one's restart: the eager
     * point goes second, with a count an instance reaches there (at 150 it never fired; it is the death after which
     * a client's retry with the same key must get the run committed before the answer). The first, inside the
     * checkpoint transaction, counts only queued runs' transactions: at 20 a busy machine SIGKILLed it first.
     */
    private static final List<String> FAILPOINTS = List.of("executor.in-transaction=5", "eager.before-answer=10",
            "executor.after-commit=20", "outbox.after-publish=100", "queued.before-start-command=15",
            "executor.before-offset-commit=20");
    private static final int MIN_DEATHS = 6;
    private static final Set<String> TERMINAL = Set.of("dev.orchestrion.run.completed", "dev.orchestrion.run.failed",
            "dev.orchestrion.run.cancelled");
    private static final String DELAYED = """
            {"name":"Delayed","parameters":[{"name":"amount","type":"number","required":true}],
             "nodes":[{"id":"start","type":"start"},
              {"id":"wait","type":"delay","properties":{"mode":"duration","duration":"PT1S"}},
              {"id":"end","type":"end","properties":{"result":{"tripled":"params.amount * 3.0"}}}],
             "executionConnectors":[{"from":"start","output":"next","to":"wait"},{"from":"wait","output":"next","to":"end"}]}
            """;
    private static final String CALLING = """
            {"name":"Calling","parameters":[{"name":"amount","type":"number","required":true}],
             "nodes":[{"id":"start","type":"start"},
              {"id":"call","type":"http","timeout":"PT2S","properties":{"method":"POST","url":"%s"}},
              {"id":"end","type":"end","properties":{"result":{"echo":"nodes.call.body.echo"}}}],
             "executionConnectors":[{"from":"start","output":"next","to":"call"},{"from":"call","output":"next","to":"end"}]}
            """;

    /** The reference workflow behind an HTTP binding: {@code amount} comes from the path, the result is answered. */
    private static final String BINDING_TRIGGER = """
            "trigger": {"kind": "http", "method": "POST", "path": "%s/{amount}", "respondWith": "result",
                        "responseTimeout": "PT10S"}""";
    private static final String TENANT = "chaos";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String token = TestTokens.token(TENANT, "client");
    /** The Idempotency-Keys sent more than once, per kind of run: the requests the deaths (or a 202) made retry. */
    private final Map<String, Set<String>> retried = new ConcurrentHashMap<>();

    /** What a client asked for under one Idempotency-Key. */
    private record Order(String kind, String definition, double amount) {
    }

    /**
     * One request as a client sends it, and again as is on every retry: the path on an instance, the body, and the
     * API key when it calls an HTTP binding (null: the API, with a bearer token).
     */
    private record Call(String kind, String path, String body, String apiKey) {

        boolean binding() {
            return apiKey != null;
        }
    }

    /** A 200 answer: the run it names and its body (for a binding, the run's result). */
    private record Answer(String runId, String body) {
    }

    @Test
    void killedRunnersLoseNoRunStartNoneTwiceAndPublishEachEndOnce() throws Exception {
        String database = "runner_chaos_it";
        TestPostgres postgres = TestInfrastructure.postgres();
        postgres.recreateDatabase(database);
        String peers = PeerServices.server().baseUrl();
        PeerServices.server().stubFor(post(urlPathEqualTo("/chaos/echo")).willReturn(okJson("{\"echo\": true}")));
        String reference = PeerServices.example("reference-workflow.json");
        String queued = reference.replaceFirst("\\{", "{\"eager\": false, ");
        Map<String, String> definitions = Map.of("eager", PeerServices.activeDefinition(reference), "queued",
                PeerServices.activeDefinition(queued), "delayed", PeerServices.activeDefinition(DELAYED), "calling",
                PeerServices.activeDefinition(CALLING.formatted(peers + "/chaos/echo")), "binding",
                PeerServices.activeDefinition(bound(reference, "chaos")), "binding-queued",
                PeerServices.activeDefinition(bound(queued, "chaos-queued")));
        Map<String, String> hookPaths = Map.of("binding", "chaos", "binding-queued", "chaos-queued");
        UUID caseId = PeerServices.existingCase(Map.of());
        Map<String, UUID> parameterSets = new HashMap<>();
        definitions.forEach((kind, definition) -> {
            if (hookPaths.containsKey(kind)) {
                PeerEvents.systemCaseFor(definition);
                return; // a binding's parameters come from its path
            }
            for (int a = 0; a < 5; a++) {
                parameterSets.put(kind + a, PeerServices.parameterSet(definition, 1, Map.of("amount", a * 30.0)));
            }
        });

        RunnerProcess[] slots = new RunnerProcess[2];
        List<String> deaths = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        int next = 0;
        for (int i = 0; i < slots.length; i++) {
            slots[i] = RunnerProcess.start("chaos-" + i, database, peers, Map.of(), FAILPOINTS.get(next++));
        }
        for (RunnerProcess slot : slots) {
            slot.awaitReady();
        }
        long bindingBegan = System.nanoTime();
        String apiKey = bindAndIssueKey(slots, List.of(definitions.get("binding"), definitions.get("binding-queued")));
        long bindingMillis = (System.nanoTime() - bindingBegan) / 1_000_000L;

        // orders, answers and answered bodies are keyed as the runner stores the key: a binding's is scoped to its
        // definition
        Map<String, Order> orders = new ConcurrentHashMap<>();
        Map<String, String> answers = new ConcurrentHashMap<>();
        Map<String, String> answeredBodies = new ConcurrentHashMap<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        Semaphore inFlight = new Semaphore(8);
        Thread clients = new Thread(() -> {
            List<String> kinds = List.of("eager", "eager", "eager", "queued", "queued", "delayed", "calling", "binding",
                    "binding", "binding", "binding-queued", "binding-queued");
            while (sending.get()) {
                try {
                    inFlight.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                String kind = kinds.get(ThreadLocalRandom.current().nextInt(kinds.size()));
                int a = ThreadLocalRandom.current().nextInt(5);
                String sent = UUID.randomUUID().toString();
                Order order = new Order(kind, definitions.get(kind), a * 30.0);
                Call call;
                String key;
                if (hookPaths.containsKey(kind)) {
                    call = new Call(kind, "/hooks/" + TENANT + "/" + hookPaths.get(kind) + "/" + (int) order.amount(),
                            "{}", apiKey);
                    key = "hook:" + order.definition() + ":" + sent;
                } else {
                    call = new Call(kind, "/workflows/run", "{\"caseId\":\"" + caseId + "\",\"workflowDefinitionId\":\""
                            + order.definition() + "\",\"parametersId\":\"" + parameterSets.get(kind + a) + "\"}",
                            null);
                    key = sent;
                }
                orders.put(key, order);
                send(slots, sent, call, System.nanoTime() + TimeUnit.SECONDS.toNanos(120)).whenComplete((answer, e) -> {
                    inFlight.release();
                    if (e != null) {
                        problems.add(kind + " " + key + ": " + e.getMessage());
                    } else if (answers.putIfAbsent(key, answer.runId()) != null
                            && !answers.get(key).equals(answer.runId())) {
                        problems.add(key + " answered two runs: " + answers.get(key) + " and " + answer.runId());
                    } else if (call.binding()) {
                        answeredBodies.put(key, answer.body());
                    }
                });
            }
        }, "chaos-clients");
        clients.start();

        // The chaos: whichever instance a failpoint stopped comes back with the next one armed; when none fired
        // for a while, the test kills one itself.
        long chaosBegan = System.nanoTime();
        long chaosEnds = chaosBegan + TimeUnit.SECONDS.toNanos(150);
        while ((deaths.size() < MIN_DEATHS || fired.size() < 4) && System.nanoTime() < chaosEnds) {
            int died;
            boolean killedByTest = false;
            try {
                died = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> deadSlot(slots), i -> i >= 0);
            } catch (ConditionTimeoutException e) {
                died = deaths.size() % slots.length;
                slots[died].kill();
                deaths.add(slots[died].name() + " SIGKILL");
                killedByTest = true;
            }
            RunnerProcess dead = slots[died];
            String log = dead.tail();
            if (!killedByTest && log.contains("failpoint ")) {
                String point = log.substring(log.indexOf("failpoint ") + 10).split(":")[0];
                fired.add(point);
                deaths.add(dead.name() + " at " + point + " (exit " + dead.exitValue() + ")");
            } else if (!killedByTest) {
                deaths.add(dead.name() + " exited " + dead.exitValue() + ":\n" + log);
            }
            String armed = FAILPOINTS.get(next++ % FAILPOINTS.size());
            slots[died] = RunnerProcess.start("chaos-" + next, database, peers, Map.of(), armed).awaitReady();
        }
        sending.set(false);
        clients.join();
        long chaosSeconds = (System.nanoTime() - chaosBegan) / 1_000_000_000L;
        long recoveryBegan = System.nanoTime();
        assertThat(inFlight.tryAcquire(8, 3, TimeUnit.MINUTES)).as("requests still unanswered").isTrue();

        // Recovery: two instances without failpoints finish whatever is left.
        for (int i = 0; i < slots.length; i++) {
            slots[i].kill();
            slots[i] = RunnerProcess.start("recovery-" + i, database, peers, Map.of());
        }
        try {
            for (RunnerProcess slot : slots) {
                slot.awaitReady();
            }
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(count(postgres, database, "status <> 'COMPLETED'"))
                            .as("runs not COMPLETED; deaths %s; log:\n%s", deaths, slots[0].tail()).isZero());

            assertThat(problems).as("requests that never got their run").isEmpty();
            assertThat(deaths).as("deaths").hasSizeGreaterThanOrEqualTo(MIN_DEATHS);
            assertThat(fired).as("failpoints that fired; deaths %s", deaths).hasSizeGreaterThanOrEqualTo(4);

            // every request answered with one run, and that run is the one stored under its key: none started twice
            Map<String, String> runOfKey = stored(postgres, database,
                    "SELECT idempotency_key, id::text FROM runs WHERE idempotency_key IS NOT NULL");
            assertThat(runOfKey).containsExactlyInAnyOrderEntriesOf(answers);
            assertThat(count(postgres, database, "true")).isEqualTo(answers.size());

            // the right result for each run
            Map<String, String> results = stored(postgres, database, "SELECT id::text, result::text FROM runs");
            answers.forEach((key, runId) -> {
                Order order = orders.get(key);
                JsonNode result = read(results.get(runId));
                switch (order.kind()) {
                    case "delayed" -> assertThat(result.get("tripled").asDouble()).isEqualTo(order.amount() * 3);
                    case "calling" -> assertThat(result.get("echo").asBoolean()).as(runId).isTrue();
                    default -> assertThat(result.get("doubled").asDouble()).as(runId).isEqualTo(order.amount() * 2);
                }
                if (hookPaths.containsKey(order.kind())) {
                    // what the binding answered is that run's result
                    JsonNode answered = read(answeredBodies.get(key));
                    assertThat(answered.equals(RunnerChaosIT::sameValue, result))
                            .as("answer of %s (run %s): %s, stored %s", key, runId, answered, result).isTrue();
                }
            });

            // every step stored once
            assertThat(count(postgres, database,
                    "id IN (SELECT run_id FROM run_steps GROUP BY run_id, node_id, " + "attempt HAVING count(*) > 1)"))
                    .as("runs with a step stored twice").isZero();

            // Kafka, read to its end: one terminal event per run (re-publication of the same ce_id allowed), and
            // each node completion once
            Map<String, Set<String>> endings = new HashMap<>();
            Map<String, Set<String>> completions = new HashMap<>();
            int republished = 0;
            int records = 0;
            for (ConsumerRecord<String, String> record : runEvents()) {
                if (!answers.containsValue(record.key())) {
                    continue;
                }
                records++;
                if (TERMINAL.contains(CloudEventHeaders.type(record))) {
                    assertThat(CloudEventHeaders.type(record)).isEqualTo("dev.orchestrion.run.completed");
                    if (!endings.computeIfAbsent(record.key(), k -> new HashSet<>())
                            .add(CloudEventHeaders.id(record))) {
                        republished++;
                    }
                }
                for (RunEventRecords.RunEvent event : RunEventRecords.read(record)) {
                    if ("node-completed".equals(event.type())) {
                        completions.computeIfAbsent(
                                record.key() + "/" + event.data().get("nodeId") + "#" + event.data().get("attempt"),
                                k -> new HashSet<>()).add(event.id().toString());
                    }
                }
            }
            assertThat(endings.keySet()).containsExactlyInAnyOrderElementsOf(answers.values());
            endings.forEach((run, ids) -> assertThat(ids).as("terminal event ids of %s", run).hasSize(1));
            completions.forEach((step, ids) -> assertThat(ids).as("NodeCompleted ids of %s", step).hasSize(1));
            Map<String, Integer> retriedPerKind = new TreeMap<>();
            retried.forEach((kind, keys) -> retriedPerKind.put(kind, keys.size()));
            Map<String, Long> runsPerKind = new TreeMap<>();
            answers.keySet().forEach(key -> runsPerKind.merge(orders.get(key).kind(), 1L, Long::sum));
            assertThat(runsPerKind).as("runs per kind").containsKeys("binding", "binding-queued");
            System.out.printf(
                    "Chaos: %d runs %s, of them retried %s, %d run-event records, %d deaths %s, failpoints fired %s, "
                            + "%d terminal records re-published; bindings ready %d ms, chaos %d s, "
                            + "recovery and checks %d s%n",
                    answers.size(), runsPerKind, retriedPerKind, records, deaths.size(), deaths, fired, republished,
                    bindingMillis, chaosSeconds, (System.nanoTime() - recoveryBegan) / 1_000_000_000L);
        } finally {
            for (RunnerProcess slot : slots) {
                slot.close();
            }
        }
    }

    /** The index of an instance that has died, or -1. */
    private static int deadSlot(RunnerProcess[] slots) {
        for (int i = 0; i < slots.length; i++) {
            if (!slots[i].alive()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Sends the call to a living instance; a refused connection, a reset, a 5xx (but a binding's 502: its run failed)
     * or a 429 is retried with the same Idempotency-Key, on whichever instance lives, until the deadline; so is a
     * binding's 202 (its run had not ended within the response timeout: the same key waits for it again).
     */
    private CompletableFuture<Answer> send(RunnerProcess[] slots, String key, Call call, long deadline) {
        RunnerProcess target = slots[ThreadLocalRandom.current().nextInt(slots.length)];
        if (!target.alive()) {
            target = slots[0].alive() ? slots[0] : slots[1];
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + call.path()))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.binding()) {
            request.header("X-API-Key", call.apiKey());
        } else {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure == null && response.statusCode() == 200) {
                String runId = call.binding()
                        ? response.headers().firstValue("Orchestrion-Run-Id").orElse("no Orchestrion-Run-Id")
                        : read(response.body()).get("id").asText();
                return CompletableFuture.completedFuture(new Answer(runId, response.body()));
            }
            boolean retryable = failure != null || response.statusCode() == 429
                    || response.statusCode() >= 500 && !(call.binding() && response.statusCode() == 502)
                    || call.binding() && response.statusCode() == 202;
            if (!retryable || System.nanoTime() > deadline) {
                return CompletableFuture.<Answer>failedFuture(new IllegalStateException(failure != null
                        ? failure.toString()
                        : "answered " + response.statusCode() + ": " + response.body()));
            }
            retried.computeIfAbsent(call.kind(), k -> ConcurrentHashMap.newKeySet()).add(key);
            return CompletableFuture
                    .supplyAsync(() -> key, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                    .thenCompose(k -> send(slots, key, call, deadline));
        }).thenCompose(future -> future);
    }

    /** The definition with an HTTP binding at {@code POST /hooks/chaos/{path}/{amount}} instead of its api trigger. */
    private static String bound(String definition, String path) {
        String trigger = "\"trigger\"";
        int at = definition.indexOf(trigger);
        int end = definition.indexOf('}', at) + 1;
        return definition.substring(0, at) + BINDING_TRIGGER.formatted(path) + definition.substring(end);
    }

    /**
     * Starts the bound definitions (DefinitionStarted, as definition-service publishes it), waits until both instances
     * list their bindings, and issues an API key for them; answers the key.
     */
    private String bindAndIssueKey(RunnerProcess[] slots, List<String> definitionIds) throws Exception {
        for (String definitionId : definitionIds) {
            PeerEvents.definitionEvent(TENANT, definitionId, "started", "ACTIVE", 1, 1);
        }
        String operator = TestTokens.token(TENANT, "operator");
        for (RunnerProcess slot : slots) {
            Awaitility.await(slot.name() + " lists the bindings").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        HttpResponse<String> triggers = http.send(
                                HttpRequest.newBuilder(URI.create(slot.baseUrl() + "/triggers"))
                                        .header("Authorization", "Bearer " + operator).build(),
                                HttpResponse.BodyHandlers.ofString());
                        Set<String> bound = new HashSet<>();
                        for (JsonNode trigger : read(triggers.body())) {
                            if (!trigger.path("hookPath").asText().isEmpty()) {
                                bound.add(trigger.path("definitionId").asText());
                            }
                        }
                        return bound.containsAll(definitionIds);
                    });
        }
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(slots[0].baseUrl() + "/api-keys"))
                .header("Authorization", "Bearer " + TestTokens.token(TENANT, "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("name", "chaos clients", "definitionIds", definitionIds))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return read(issued.body()).get("key").asText();
    }

    /** JSON values compared as a client reads them: 60 and 60.0 are the same number. */
    private static int sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
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

    private static Map<String, String> stored(TestPostgres postgres, String database, String query) throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                postgres.password());
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    /** Every record of workflow.run-events, from the beginning to the end offsets of this moment. */
    private static List<ConsumerRecord<String, String>> runEvents() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor("workflow.run-events").stream()
                    .map(p -> new TopicPartition("workflow.run-events", p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return found;
    }
}
