package dev.orchestrion.content.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.model.HistoryRecord;

/**
 * Entries' audit history in {@code entryHistory}, copied there from the entries' outboxes by idempotent upserts
 * keyed by tenant, entry and sequence number.
 */
@ApplicationScoped
public class EntryHistoryRepository {

    private final ReactiveMongoCollection<Document> collection;

    public EntryHistoryRepository(ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection("entryHistory");
    }

    public Uni<Void> store(String tenant, String entryId, List<HistoryRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return collection.bulkWrite(records.stream().map(r -> {
            String id = EntryDocuments.documentId(tenant, entryId) + "/" + r.seq();
            Document document = EntryDocuments.history(r).append("_id", id).append("tenant", tenant).append("entryId",
                    entryId);
            return new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
        }).toList()).replaceWithVoid();
    }

    /** Records numbered {@code from} to {@code to} (inclusive), oldest first. */
    public Uni<List<HistoryRecord>> range(String tenant, String entryId, int from, int to) {
        return collection.find(Filters.and(Filters.eq("tenant", tenant), Filters.eq("entryId", entryId),
                Filters.gte("seq", from), Filters.lte("seq", to)), new FindOptions().sort(Sorts.ascending("seq")))
                .map(EntryDocuments::history).collect().asList();
    }
}
