package dev.orchestrion.definition.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.DefinitionContent;

/**
 * Immutable content documents (a definition's graph and settings at one revision), found by id. A definition
 * document points at its draft and its published content; writing new content first and then switching the pointer
 * with a version-filtered update keeps every change a single-document commit.
 */
@ApplicationScoped
public class ContentRepository {

    private final ReactiveMongoCollection<Document> collection;
    private final DocumentCodec codec;

    public ContentRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String db,
            DocumentCodec codec) {
        this.collection = mongo.getDatabase(db).getCollection("definition_contents");
        this.codec = codec;
    }

    public Uni<Void> insert(String contentId, String tenant, String definitionId, DefinitionContent content) {
        Document document = new Document("_id", contentId).append("tenant", tenant).append("definitionId", definitionId)
                .append("createdAt", DocumentCodec.date(Instant.now())).append("content", codec.toDocument(content));
        return collection.insertOne(document).replaceWithVoid();
    }

    public Uni<DefinitionContent> find(String contentId) {
        return collection.find(Filters.eq("_id", contentId)).collect().first().map(
                d -> d == null ? null : codec.fromDocument(d.get("content", Document.class), DefinitionContent.class));
    }

    public Uni<Void> delete(String contentId) {
        return collection.deleteOne(Filters.eq("_id", contentId)).replaceWithVoid();
    }
}
