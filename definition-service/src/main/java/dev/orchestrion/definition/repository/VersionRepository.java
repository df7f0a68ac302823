package dev.orchestrion.definition.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.PublishedVersion;
import dev.orchestrion.definition.model.PublishedVersionSummary;

/** Published versions, one immutable document each, id {@code <definitionId>:<version>}; never updated or deleted. */
@ApplicationScoped
public class VersionRepository {

    private static final int DUPLICATE_KEY = 11000;

    private final ReactiveMongoCollection<Document> collection;
    private final DocumentCodec codec;

    public VersionRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String db,
            DocumentCodec codec) {
        this.collection = mongo.getDatabase(db).getCollection("definition_versions");
        this.codec = codec;
    }

    /** Stores the version unless it is already stored (a retry after a crash writes the same content). */
    public Uni<Void> insertIfAbsent(String tenant, PublishedVersion version) {
        Document document = codec.toDocument(version).append("_id", id(version.definitionId(), version.version()))
                .append("tenant", tenant);
        return collection.insertOne(document).replaceWithVoid().onFailure(MongoWriteException.class)
                .recoverWithUni(e -> ((MongoWriteException) e).getError().getCode() == DUPLICATE_KEY
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(e));
    }

    public Uni<PublishedVersion> find(String tenant, String definitionId, int version) {
        return collection.find(Filters.eq("_id", id(definitionId, version))).collect().first()
                .map(d -> d == null || !tenant.equals(d.getString("tenant")) ? null : toVersion(d));
    }

    /** Version numbers with when and by whom they were published, oldest first. */
    public Uni<List<PublishedVersionSummary>> list(String tenant, String definitionId) {
        return collection.find(Filters.and(Filters.eq("definitionId", definitionId), Filters.eq("tenant", tenant)),
                new io.quarkus.mongodb.FindOptions()
                        .projection(Projections.include("version", "publishedAt", "publishedBy", "name"))
                        .sort(Sorts.ascending("version")))
                .map(VersionRepository::toSummary).collect().asList();
    }

    private static PublishedVersionSummary toSummary(Document d) {
        String publishedAt = d.getString("publishedAt");
        return new PublishedVersionSummary(d.get("version", Number.class).intValue(),
                publishedAt == null ? null : Instant.parse(publishedAt), d.getString("publishedBy"),
                d.getString("name"));
    }

    private PublishedVersion toVersion(Document d) {
        Document copy = new Document(d);
        copy.remove("_id");
        copy.remove("tenant");
        return codec.fromDocument(copy, PublishedVersion.class);
    }

    static String id(String definitionId, int version) {
        return definitionId + ":" + version;
    }
}
