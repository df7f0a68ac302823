package dev.orchestrion.definition.repository;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.DefinitionStatus;
import dev.orchestrion.definition.model.WorkflowDefinition;

/** Definitions in the {@code definitions} collection; every query filters on the tenant. */
@ApplicationScoped
public class DefinitionRepository {

    private final ReactiveMongoCollection<Document> collection;

    public DefinitionRepository(ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection("definitions");
    }

    void createIndexes(@Observes StartupEvent startup) {
        collection.createIndex(Indexes.ascending("tenant", "updatedAt"), new IndexOptions().name("tenant_updated"))
                .await().indefinitely();
    }

    public Uni<WorkflowDefinition> insert(WorkflowDefinition definition) {
        return collection.insertOne(toDocument(definition)).replaceWith(definition);
    }

    public Uni<WorkflowDefinition> findInTenant(String tenant, String id) {
        return collection.find(Filters.and(Filters.eq("_id", id), Filters.eq("tenant", tenant))).collect().first()
                .map(document -> document == null ? null : fromDocument(document));
    }

    private static Document toDocument(WorkflowDefinition d) {
        return new Document("_id", d.id()).append("tenant", d.tenant()).append("name", d.name())
                .append("description", d.description()).append("tags", d.tags()).append("status", d.status().name())
                .append("revision", d.revision()).append("createdAt", Date.from(d.createdAt()))
                .append("updatedAt", Date.from(d.updatedAt()));
    }

    private static WorkflowDefinition fromDocument(Document d) {
        return new WorkflowDefinition(d.getString("_id"), d.getString("tenant"), d.getString("name"),
                d.getString("description"), d.getList("tags", String.class, List.of()),
                DefinitionStatus.valueOf(d.getString("status")), d.get("revision", Number.class).longValue(),
                toInstant(d.getDate("createdAt")), toInstant(d.getDate("updatedAt")));
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
