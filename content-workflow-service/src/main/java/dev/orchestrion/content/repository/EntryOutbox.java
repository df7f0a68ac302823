package dev.orchestrion.content.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.model.EntryEvent;
import dev.orchestrion.content.model.EntryVersion;
import dev.orchestrion.content.model.HistoryRecord;
import dev.orchestrion.support.outbox.DocumentOutbox;

/**
 * The entries' outbox as the relay sees it: the list {@code outbox} inside each entry document, marked by
 * {@code outboxSince} while it holds items and claimed through {@code relayLease}. Items of kind {@code event} are
 * CloudEvents to publish; items of kind {@code version} and {@code history} are records to copy into their
 * collections before the events that announce them go out.
 */
@ApplicationScoped
public class EntryOutbox {

    public static final String COLLECTION = "entries";

    private final ReactiveMongoCollection<Document> entries;
    private final EntryVersionRepository versions;
    private final EntryHistoryRepository history;

    public EntryOutbox(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            EntryVersionRepository versions, EntryHistoryRepository history) {
        this.entries = mongo.getDatabase(database).getCollection(COLLECTION);
        this.versions = versions;
        this.history = history;
    }

    /** Where the outbox lives in an entry document; a relay holds a claim for {@code lease}. */
    public static DocumentOutbox.Layout layout(Duration lease) {
        return new DocumentOutbox.Layout(EntryDocuments.OUTBOX, "id", "outboxSince", "relayLease", lease);
    }

    public ReactiveMongoCollection<Document> collection() {
        return entries;
    }

    /** The event an outbox item carries, or null for a version or an audit record. */
    public static EntryEvent event(Document item) {
        return "event".equals(item.getString("kind")) ? EntryDocuments.event(item.get("event", Document.class)) : null;
    }

    /** Copies the versions and audit records waiting in the entry's outbox into their collections (idempotent). */
    public Uni<Void> copyOutRecords(Document entry) {
        List<EntryVersion> pendingVersions = new ArrayList<>();
        List<HistoryRecord> pendingHistory = new ArrayList<>();
        for (Document item : EntryDocuments.outbox(entry)) {
            switch (item.getString("kind")) {
                case "version" -> pendingVersions.add(EntryDocuments.version(item.get("version", Document.class)));
                case "history" -> pendingHistory.add(EntryDocuments.history(item.get("record", Document.class)));
                default -> {
                }
            }
        }
        return versions.store(pendingVersions)
                .chain(() -> history.store(entry.getString("tenant"), entry.getString("entryId"), pendingHistory));
    }
}
