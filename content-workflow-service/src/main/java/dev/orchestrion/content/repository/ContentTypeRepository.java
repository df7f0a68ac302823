package dev.orchestrion.content.repository;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.model.ContentType;

/** Content types in the {@code contentTypes} collection, unique per tenant and name. */
@ApplicationScoped
public class ContentTypeRepository {

    private final ReactiveMongoCollection<Document> collection;

    public ContentTypeRepository(ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection("contentTypes");
    }

    void createIndexes(@Observes StartupEvent startup) {
        collection.createIndex(Indexes.ascending("tenant", "name"), new IndexOptions().name("tenant_name").unique(true))
                .await().indefinitely();
    }

    /** Creates or replaces the type and returns what is stored. */
    public Uni<ContentType> upsert(ContentType type) {
        return collection
                .findOneAndReplace(key(type.tenant(), type.name()), toDocument(type),
                        new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .map(ContentTypeRepository::fromDocument);
    }

    public Uni<ContentType> find(String tenant, String name) {
        return collection.find(key(tenant, name)).collect().first().map(d -> d == null ? null : fromDocument(d));
    }

    private static org.bson.conversions.Bson key(String tenant, String name) {
        return Filters.and(Filters.eq("tenant", tenant), Filters.eq("name", name));
    }

    private static Document toDocument(ContentType t) {
        return new Document("tenant", t.tenant()).append("name", t.name()).append("label", t.label())
                .append("workflowId", t.workflowId()).append("version", t.version())
                .append("createdAt", Date.from(t.createdAt())).append("updatedAt", Date.from(t.updatedAt()));
    }

    private static ContentType fromDocument(Document d) {
        return new ContentType(d.getString("tenant"), d.getString("name"), d.getString("label"),
                d.getString("workflowId"), d.get("version", Number.class).longValue(),
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant());
    }
}
