package dev.orchestrion.definition.repository;

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

import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.support.domain.Duplicate;

/** Connections in the {@code connections} collection; names are unique per tenant (a unique index). */
@ApplicationScoped
public class ConnectionRepository {

    public static final String COLLECTION = "connections";

    private final ReactiveMongoCollection<Document> collection;
    private final DocumentCodec codec;

    public ConnectionRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String db,
            DocumentCodec codec) {
        this.collection = mongo.getDatabase(db).getCollection(COLLECTION);
        this.codec = codec;
    }

    void createIndexes(@Observes StartupEvent startup) {
        collection.createIndex(Indexes.ascending("tenant", "name"), new IndexOptions().name("tenant_name").unique(true))
                .await().indefinitely();
    }

    public Uni<Connection> insert(Connection connection) {
        return collection.insertOne(toDocument(connection)).replaceWith(connection).onFailure(MongoErrors::duplicateKey)
                .transform(e -> duplicateName(e, connection.name()));
    }

    public Uni<Boolean> replace(long expectedRevision, Connection next) {
        return collection
                .findOneAndReplace(Filters.and(Filters.eq("_id", next.id()), Filters.eq("tenant", next.tenant()),
                        Filters.eq("revision", expectedRevision)), toDocument(next))
                .map(d -> d != null).onFailure(MongoErrors::duplicateKey).transform(e -> duplicateName(e, next.name()));
    }

    public Uni<Connection> find(String tenant, String id) {
        return collection.find(Filters.eq("_id", id)).collect().first()
                .map(d -> d == null || !tenant.equals(d.getString("tenant")) ? null : fromDocument(d));
    }

    public Uni<List<Connection>> listTenant(String tenant) {
        return collection.find(Filters.eq("tenant", tenant), new FindOptions().sort(Sorts.ascending("name")))
                .map(this::fromDocument).collect().asList();
    }

    public Uni<Boolean> delete(String tenant, String id) {
        return collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("tenant", tenant)))
                .map(r -> r.getDeletedCount() > 0);
    }

    /** The raw stored document, for tests that prove no secret is stored in clear. */
    public Uni<Document> rawDocument(String id) {
        return collection.find(Filters.eq("_id", id)).collect().first();
    }

    private static Throwable duplicateName(Throwable e, String name) {
        return new Duplicate("name", "A connection named " + name + " already exists");
    }

    private Document toDocument(Connection c) {
        Document document = codec.toDocument(c);
        document.remove("id");
        document.put("_id", c.id());
        document.put("createdAt", DocumentCodec.date(c.createdAt()));
        document.put("updatedAt", DocumentCodec.date(c.updatedAt()));
        return document;
    }

    private Connection fromDocument(Document d) {
        Document copy = new Document(d);
        copy.put("id", copy.remove("_id"));
        copy.put("createdAt", d.getDate("createdAt") == null ? null : d.getDate("createdAt").toInstant().toString());
        copy.put("updatedAt", d.getDate("updatedAt") == null ? null : d.getDate("updatedAt").toInstant().toString());
        return codec.fromDocument(copy, Connection.class);
    }
}
