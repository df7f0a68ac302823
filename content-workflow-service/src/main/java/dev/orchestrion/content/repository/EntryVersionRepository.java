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

import dev.orchestrion.content.model.EntryVersion;

/**
 * Entry versions in {@code entryVersions}, copied there from the entries' outboxes. The copy is an upsert keyed by
 * tenant, entry and number, so repeating it (after a crash, or by two relays) changes nothing.
 */
@ApplicationScoped
public class EntryVersionRepository {

    private final ReactiveMongoCollection<Document> collection;

    public EntryVersionRepository(ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection("entryVersions");
    }

    public Uni<Void> store(List<EntryVersion> versions) {
        if (versions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return collection.bulkWrite(versions.stream().map(EntryDocuments::version).map(
                d -> new ReplaceOneModel<>(Filters.eq("_id", d.getString("_id")), d, new ReplaceOptions().upsert(true)))
                .toList()).replaceWithVoid();
    }

    /** Versions numbered {@code from} to {@code to} (inclusive), oldest first. */
    public Uni<List<EntryVersion>> range(String tenant, String entryId, int from, int to) {
        return collection
                .find(Filters.and(Filters.eq("tenant", tenant), Filters.eq("entryId", entryId),
                        Filters.gte("number", from), Filters.lte("number", to)),
                        new FindOptions().sort(Sorts.ascending("number")))
                .map(EntryDocuments::version).collect().asList();
    }

    public Uni<EntryVersion> find(String tenant, String entryId, int number) {
        return collection.find(Filters.eq("_id", EntryDocuments.documentId(tenant, entryId) + "/" + number)).collect()
                .first().map(d -> d == null ? null : EntryDocuments.version(d));
    }
}
