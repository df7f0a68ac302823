package dev.orchestrion.definition.repository;

import static dev.orchestrion.definition.repository.DocumentCodec.date;
import static dev.orchestrion.definition.repository.DocumentCodec.instant;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.Folder;
import dev.orchestrion.support.domain.Duplicate;

/** The tenant's folder tree, one document per folder; sibling names are unique (a unique index). */
@ApplicationScoped
public class FolderRepository {

    private final ReactiveMongoCollection<Document> collection;

    public FolderRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.collection = mongo.getDatabase(db).getCollection("folders");
    }

    void createIndexes(@Observes StartupEvent startup) {
        collection.createIndex(Indexes.ascending("tenant", "parentKey", "name"),
                new IndexOptions().name("tenant_parent_name").unique(true)).await().indefinitely();
    }

    public Uni<List<Folder>> listTenant(String tenant) {
        return collection.find(Filters.eq("tenant", tenant), new FindOptions().sort(Sorts.ascending("name")))
                .map(FolderRepository::fromDocument).collect().asList();
    }

    public Uni<Folder> find(String tenant, String id) {
        return collection.find(Filters.eq("_id", id)).collect().first()
                .map(d -> d == null || !tenant.equals(d.getString("tenant")) ? null : fromDocument(d));
    }

    public Uni<Folder> insert(Folder folder) {
        return collection.insertOne(toDocument(folder)).replaceWith(folder).onFailure(MongoErrors::duplicateKey)
                .transform(e -> duplicateName(e, folder.name()));
    }

    /** Replaces the folder if its revision is still {@code expectedRevision}; false when it changed meanwhile. */
    public Uni<Boolean> replace(long expectedRevision, Folder next) {
        return collection
                .findOneAndReplace(Filters.and(Filters.eq("_id", next.id()), Filters.eq("tenant", next.tenant()),
                        Filters.eq("revision", expectedRevision)), toDocument(next))
                .map(d -> d != null).onFailure(MongoErrors::duplicateKey).transform(e -> duplicateName(e, next.name()));
    }

    public Uni<Boolean> delete(String tenant, String id) {
        return collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("tenant", tenant)))
                .map(r -> r.getDeletedCount() > 0);
    }

    private static Throwable duplicateName(Throwable e, String name) {
        return new Duplicate("name", "A folder named " + name + " already exists at that place");
    }

    private static Document toDocument(Folder f) {
        // parentKey stands for the parent in the unique index: "" at the top level
        return new Document("_id", f.id()).append("tenant", f.tenant()).append("name", f.name())
                .append("parentId", f.parentId()).append("parentKey", f.parentId() == null ? "" : f.parentId())
                .append("revision", f.revision()).append("createdAt", date(f.createdAt()))
                .append("updatedAt", date(f.updatedAt()));
    }

    private static Folder fromDocument(Document d) {
        return new Folder(d.getString("_id"), d.getString("tenant"), d.getString("name"), d.getString("parentId"),
                d.get("revision", Number.class).longValue(), instant(d.getDate("createdAt")),
                instant(d.getDate("updatedAt")));
    }
}
