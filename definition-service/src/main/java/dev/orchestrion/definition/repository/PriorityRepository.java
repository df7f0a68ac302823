package dev.orchestrion.definition.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.OutboxEvent;

/**
 * One document per tenant in {@code priorities}: the order last set by {@code PUT /priorities} and the outbox of the
 * PrioritiesChanged events that re-ordering causes.
 */
@ApplicationScoped
public class PriorityRepository {

    public static final String COLLECTION = "priorities";

    private final ReactiveMongoCollection<Document> collection;

    public PriorityRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.collection = mongo.getDatabase(db).getCollection(COLLECTION);
    }

    public Uni<Void> recordOrder(String tenant, List<String> order, OutboxEvent event) {
        return collection.updateOne(Filters.eq("_id", tenant),
                Updates.combine(Updates.set("order", order), Updates.inc("revision", 1L),
                        Updates.push("outbox", DocumentCodec.outboxEntry(event))),
                new UpdateOptions().upsert(true)).replaceWithVoid();
    }
}
