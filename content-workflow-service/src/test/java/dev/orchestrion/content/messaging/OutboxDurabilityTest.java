package dev.orchestrion.content.messaging;

import static dev.orchestrion.content.support.ContentApi.contentType;
import static dev.orchestrion.content.support.ContentApi.entry;
import static dev.orchestrion.content.support.ContentApi.invoke;
import static dev.orchestrion.content.support.ContentApi.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.content.support.ContentApi;
import dev.orchestrion.content.support.EntryEventsTopic;
import dev.orchestrion.content.support.EntryEventsTopic.Event;
import dev.orchestrion.testsupport.TestInfrastructure;

/**
 * Events are never lost: what a change leaves in an entry's outbox is published by the sweep even if nobody relayed
 * it at once (a crash), and a Kafka outage only delays events.
 */
@QuarkusTest
class OutboxDurabilityTest {

    private static final String TENANT = "durable";

    @Inject
    MeterRegistry meters;
    private static MongoClient mongo;
    private static MongoCollection<Document> entries;

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create(TestInfrastructure.mongoConnectionString());
        entries = mongo.getDatabase("content").getCollection("entries");
    }

    @AfterAll
    static void disconnect() {
        mongo.close();
    }

    @Test
    void theSweepPublishesWhatACrashLeftInTheOutbox() {
        String type = contentType(TENANT, "publishing");
        String id = entry(TENANT, type, "Crash survivor");
        String eventId = UUID.randomUUID().toString();
        // A change whose process died before relaying: its event sits in the document, nobody triggers a relay.
        Document data = new Document("entryId", id).append("tenant", TENANT).append("contentType", type)
                .append("workflowId", "publishing").append("workflowState", "draft").append("latestVersion", 1)
                .append("occurredAt", "2026-01-01T00:00:00.000Z").append("event", "draft.review")
                .append("fromState", "draft").append("toState", "draft").append("message", null);
        Document item = new Document("id", eventId).append("kind", "event").append("event",
                new Document("id", eventId).append("type", "dev.orchestrion.entry.workflow-event-invoked")
                        .append("time", new Date()).append("entryId", id).append("tenant", TENANT)
                        .append("data", data));
        Document record = new Document("seq", 2).append("at", new Date()).append("actor", "someone")
                .append("fromState", "draft").append("event", "draft.review").append("toState", "draft")
                .append("transition", null).append("message", "left behind").append("auditText", "Reviewed");
        Document historyItem = new Document("id", "history-2").append("kind", "history").append("record", record);
        entries.updateOne(Filters.eq("_id", TENANT + "/" + id),
                Updates.combine(Updates.pushEach("outbox", List.of(historyItem, item)), Updates.set("historyCount", 2),
                        Updates.set("outboxSince", new Date())));
        try (EntryEventsTopic topic = new EntryEventsTopic()) {
            List<Event> events = topic.await(id, found -> found.stream().anyMatch(e -> eventId.equals(e.id())));
            assertThat(events).extracting(Event::type).containsExactly("dev.orchestrion.entry.created",
                    "dev.orchestrion.entry.workflow-event-invoked");
        }
        awaitEmptyOutbox(id);
        // the audit record was copied out of the outbox into the history collection
        assertThat(mongo.getDatabase("content").getCollection("entryHistory")
                .find(Filters.eq("_id", TENANT + "/" + id + "/2")).first().getString("message"))
                .isEqualTo("left behind");
        ContentApi.as(TENANT, "content-editor").when().get("/api/v1/content/" + type + "/" + id + "/workflow/history")
                .then().statusCode(200).body("data.message", contains(null, "left behind"));
    }

    @Test
    void aKafkaOutageDelaysEventsButLosesNone() throws Exception {
        String type = contentType(TENANT, "publishing");
        String id = entry(TENANT, type, "Outage");
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            try (EntryEventsTopic before = new EntryEventsTopic()) {
                before.await(id, 1);
            }
            double failuresBefore = sendFailures();
            admin.deleteTopics(Set.of(EntryEventsTopic.TOPIC)).all().get();
            Awaitility.await("the topic to be gone").atMost(Duration.ofSeconds(30))
                    .until(() -> !admin.listTopics().names().get().contains(EntryEventsTopic.TOPIC));
            try {
                // The API keeps working while events cannot be published; they wait in the entry's outbox.
                transition(TENANT, "content-editor", type, id, "_draft_review").statusCode(200);
                invoke(TENANT, "content-editor", type, id, "review.public", null).statusCode(200);
                // A positive signal that the relay tried and Kafka refused, then the events are still in the outbox.
                Awaitility.await("publishing to fail at least once").atMost(Duration.ofSeconds(30))
                        .until(() -> sendFailures() > failuresBefore);
                assertThat(outbox(id)).extracting(d -> d.getString("kind")).contains("event");
            } finally {
                Awaitility.await("the topic to be recreated").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> {
                            admin.createTopics(List.of(new NewTopic(EntryEventsTopic.TOPIC, 2, (short) 1))).all().get();
                            return true;
                        });
            }
        }
        try (EntryEventsTopic topic = new EntryEventsTopic()) {
            List<Event> events = topic.await(id, 3);
            assertThat(events).extracting(Event::type).containsExactly("dev.orchestrion.entry.workflow-event-invoked",
                    "dev.orchestrion.entry.workflow-event-invoked", "dev.orchestrion.entry.published");
            assertThat(events.get(0).data().get("event").asText()).isEqualTo("draft.review");
        }
        awaitEmptyOutbox(id);
    }

    /** Records Kafka did not acknowledge since the relay started. */
    private double sendFailures() {
        return meters.get("orchestrion.outbox.send.failures").tag("outbox", "content-workflow-service").counter()
                .count();
    }

    private static List<Document> outbox(String id) {
        Document entry = entries.find(Filters.eq("_id", TENANT + "/" + id)).first();
        return entry.getList("outbox", Document.class, List.of());
    }

    private static void awaitEmptyOutbox(String id) {
        Awaitility.await("the outbox of " + id + " to be emptied").atMost(Duration.ofSeconds(30))
                .until(() -> outbox(id).isEmpty());
    }
}
