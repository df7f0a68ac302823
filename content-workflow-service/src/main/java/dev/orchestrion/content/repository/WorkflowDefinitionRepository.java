package dev.orchestrion.content.repository;

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

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.support.domain.Duplicate;
import dev.orchestrion.support.domain.StaleVersion;

/**
 * A tenant's own workflow definitions in {@code workflowDefinitions}, unique per tenant and id, stored in the format
 * clients send (presentation fields included) with a revision for optimistic concurrency.
 */
@ApplicationScoped
public class WorkflowDefinitionRepository {

    /** A stored definition and its revision. */
    public record Stored(WorkflowDefinition definition, long revision) {
    }

    private final ReactiveMongoCollection<Document> collection;
    private final ObjectMapper json;

    public WorkflowDefinitionRepository(ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database, ObjectMapper json) {
        this.collection = mongo.getDatabase(database).getCollection("workflowDefinitions");
        this.json = json;
    }

    void createIndexes(@Observes StartupEvent startup) {
        collection.createIndex(Indexes.ascending("tenant", "id"), new IndexOptions().name("tenant_id").unique(true))
                .await().indefinitely();
    }

    public Uni<Stored> insert(String tenant, WorkflowDefinition definition) {
        return collection.insertOne(toDocument(tenant, definition, 1)).replaceWith(new Stored(definition, 1))
                .onFailure(MongoErrors::duplicateKey)
                .transform(e -> new Duplicate("id", "Workflow definition " + definition.id() + " exists"));
    }

    public Uni<Stored> replace(String tenant, WorkflowDefinition definition, long expectedRevision) {
        return collection
                .replaceOne(Filters.and(key(tenant, definition.id()), Filters.eq("revision", expectedRevision)),
                        toDocument(tenant, definition, expectedRevision + 1))
                .map(result -> {
                    if (result.getMatchedCount() == 0) {
                        throw new StaleVersion("Workflow definition " + definition.id()
                                + " changed meanwhile; read it again and retry");
                    }
                    return new Stored(definition, expectedRevision + 1);
                });
    }

    public Uni<Stored> find(String tenant, String id) {
        return collection.find(key(tenant, id)).collect().first().map(d -> d == null ? null : fromDocument(d));
    }

    public Uni<List<Stored>> list(String tenant) {
        return collection.find(Filters.eq("tenant", tenant), new FindOptions().sort(Sorts.ascending("id")))
                .map(this::fromDocument).collect().asList();
    }

    public Uni<Boolean> delete(String tenant, String id) {
        return collection.deleteOne(key(tenant, id)).map(r -> r.getDeletedCount() > 0);
    }

    private static Bson key(String tenant, String id) {
        return Filters.and(Filters.eq("tenant", tenant), Filters.eq("id", id));
    }

    private Document toDocument(String tenant, WorkflowDefinition definition, long revision) {
        return new Document("tenant", tenant).append("id", definition.id()).append("revision", revision)
                .append("definition", BsonJson.toDocument(json.valueToTree(definition)));
    }

    private Stored fromDocument(Document d) {
        try {
            WorkflowDefinition definition = json.treeToValue(BsonJson.toObjectNode(d.get("definition", Document.class)),
                    WorkflowDefinition.class);
            return new Stored(definition, d.get("revision", Number.class).longValue());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored workflow definition " + d.getString("id") + " is unreadable", e);
        }
    }
}
