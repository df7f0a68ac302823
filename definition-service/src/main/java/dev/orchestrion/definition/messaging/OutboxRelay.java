package dev.orchestrion.definition.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.orchestrion.definition.model.OutboxEvent;
import dev.orchestrion.definition.repository.DocumentCodec;

/**
 * Publishes the events waiting in documents' outboxes to {@code workflow.definition-events} as CloudEvents in Kafka
 * binary mode, in order, and removes each from its document once Kafka acknowledged it. Called right after each
 * change, and by {@link OutboxSweep} for whatever a crash or a Kafka outage left behind. Delivery is at least once:
 * a redelivered event keeps its {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SOURCE = "/orchestrion/definition-service";

    private final MutinyEmitter<String> emitter;
    private final ReactiveMongoClient mongo;
    private final String database;
    private final Map<String, AtomicBoolean> rerun = new ConcurrentHashMap<>();

    public OutboxRelay(
            @Channel("definition-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> emitter,
            ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.emitter = emitter;
        this.mongo = mongo;
        this.database = database;
    }

    /** Relays in the background; failures stay in the outbox for the sweep. */
    public void relaySoon(String collection, String documentId) {
        relay(collection, documentId).subscribe().with(done -> {
        }, failure -> LOG.warnf("Outbox of %s/%s not relayed yet (the sweep retries): %s", collection, documentId,
                failure.getMessage()));
    }

    /**
     * Publishes every pending event of one document, in order. One relay per document at a time: a call that finds
     * one running asks it to look again when it finishes.
     */
    public Uni<Void> relay(String collection, String documentId) {
        String key = collection + "/" + documentId;
        AtomicBoolean again = new AtomicBoolean(true);
        AtomicBoolean running = rerun.putIfAbsent(key, again);
        if (running != null) {
            running.set(true);
            return Uni.createFrom().voidItem();
        }
        return drain(collection, documentId, again).eventually(() -> rerun.remove(key));
    }

    private Uni<Void> drain(String collection, String documentId, AtomicBoolean again) {
        if (!again.getAndSet(false)) {
            return Uni.createFrom().voidItem();
        }
        ReactiveMongoCollection<Document> documents = mongo.getDatabase(database).getCollection(collection);
        return documents
                .find(Filters.eq("_id", documentId), new FindOptions().projection(Projections.include("outbox")))
                .collect().first().chain(document -> {
                    List<Document> outbox = document == null
                            ? List.of()
                            : document.getList("outbox", Document.class, List.of());
                    return Multi.createFrom().iterable(outbox).onItem()
                            .transformToUniAndConcatenate(entry -> publish(DocumentCodec.outboxEvent(entry))
                                    .chain(() -> documents.updateOne(Filters.eq("_id", documentId),
                                            Updates.pull("outbox", new Document("id", entry.getString("id"))))))
                            .collect().last().replaceWithVoid();
                }).chain(() -> drain(collection, documentId, again));
    }

    Uni<Void> publish(OutboxEvent event) {
        String data = new Document(event.data()).toJson();
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.id());
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_type", event.type());
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
        header(headers, "ce_subject", event.key());
        header(headers, "ce_tenant", event.tenant());
        header(headers, "content-type", "application/json");
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.key()).withHeaders(headers).build();
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(data).addMetadata(metadata))).ifNoItem()
                .after(Duration.ofSeconds(60)).fail();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
