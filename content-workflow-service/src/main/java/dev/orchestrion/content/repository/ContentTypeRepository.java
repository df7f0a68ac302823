package dev.orchestrion.content.repository;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.support.domain.Duplicate;
import dev.orchestrion.support.domain.StaleVersion;

/** Content types in the {@code contentTypes} collection, unique per tenant and name, versioned for concurrency. */
@ApplicationScoped
public class ContentTypeRepository {

    private final ReactiveMongoCollection<Document> collection;
    private final ObjectMapper json;

    public ContentTypeRepository(ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database, ObjectMapper json) {
        this.collection = mongo.getDatabase(database).getCollection("contentTypes");
        this.json = json;
    }

    void createIndexes(@Observes StartupEvent startup) {
        collection.createIndex(Indexes.ascending("tenant", "name"), new IndexOptions().name("tenant_name").unique(true))
                .await().indefinitely();
    }

    /** Stores a new type: {@link Duplicate} if the name is taken. */
    public Uni<ContentType> insert(ContentType type) {
        return collection.insertOne(toDocument(type)).replaceWith(type).onFailure(MongoErrors::duplicateKey)
                .transform(e -> new Duplicate("name", "Content type " + type.name() + " exists"));
    }

    /** Replaces the type if it still has {@code expectedVersion}: {@link StaleVersion} otherwise. */
    public Uni<ContentType> replace(ContentType type, long expectedVersion) {
        return collection
                .replaceOne(Filters.and(key(type.tenant(), type.name()), Filters.eq("version", expectedVersion)),
                        toDocument(type))
                .map(result -> {
                    if (result.getMatchedCount() == 0) {
                        throw new StaleVersion(
                                "Content type " + type.name() + " changed meanwhile; read it again and retry");
                    }
                    return type;
                });
    }

    public Uni<ContentType> find(String tenant, String name) {
        return collection.find(key(tenant, name)).collect().first().map(d -> d == null ? null : fromDocument(d));
    }

    public Uni<List<ContentType>> list(String tenant, int skip, int limit) {
        return collection
                .find(Filters.eq("tenant", tenant),
                        new FindOptions().sort(Sorts.ascending("name")).skip(skip).limit(limit))
                .map(this::fromDocument).collect().asList();
    }

    public Uni<Long> count(String tenant) {
        return collection.countDocuments(Filters.eq("tenant", tenant));
    }

    /** Types of the tenant that follow this workflow (any of its ids or aliases). */
    public Uni<List<ContentType>> usingWorkflow(String tenant, List<String> workflowIds) {
        return collection.find(Filters.and(Filters.eq("tenant", tenant), Filters.in("workflowId", workflowIds)))
                .map(this::fromDocument).collect().asList();
    }

    public Uni<List<ContentType>> migrationsPending() {
        return collection.find(Filters.eq("migrationPending", true)).map(this::fromDocument).collect().asList();
    }

    /** Clears the migration flag unless the type changed again meanwhile. */
    public Uni<Void> migrationDone(ContentType type) {
        return collection.updateOne(Filters.and(key(type.tenant(), type.name()), Filters.eq("version", type.version())),
                Updates.set("migrationPending", false)).replaceWithVoid();
    }

    public Uni<Boolean> delete(String tenant, String name) {
        return collection.deleteOne(key(tenant, name)).map(r -> r.getDeletedCount() > 0);
    }

    private static Bson key(String tenant, String name) {
        return Filters.and(Filters.eq("tenant", tenant), Filters.eq("name", name));
    }

    private Document toDocument(ContentType t) {
        List<Document> fields = new ArrayList<>();
        t.fields().forEach(f -> fields.add(BsonJson.toDocument(json.valueToTree(f))));
        return new Document("tenant", t.tenant()).append("name", t.name()).append("id", t.id())
                .append("label", t.label()).append("workflowId", t.workflowId()).append("fields", fields)
                .append("version", t.version()).append("createdAt", Date.from(t.createdAt()))
                .append("updatedAt", Date.from(t.updatedAt())).append("migrationPending", t.migrationPending());
    }

    private ContentType fromDocument(Document d) {
        List<ContentField> fields = new ArrayList<>();
        for (Document field : d.getList("fields", Document.class, List.of())) {
            try {
                fields.add(json.treeToValue(BsonJson.toObjectNode(field), ContentField.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                        "Stored field of content type " + d.getString("name") + " is unreadable", e);
            }
        }
        return new ContentType(d.getString("tenant"), d.getString("name"), d.getString("id"), d.getString("label"),
                d.getString("workflowId"), fields, d.get("version", Number.class).longValue(),
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(),
                Boolean.TRUE.equals(d.getBoolean("migrationPending")));
    }
}
