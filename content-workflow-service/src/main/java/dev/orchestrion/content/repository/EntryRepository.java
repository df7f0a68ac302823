package dev.orchestrion.content.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryChange;
import dev.orchestrion.content.model.EntryQuery;
import dev.orchestrion.content.model.EntryVersion;
import dev.orchestrion.content.model.HistoryRecord;
import dev.orchestrion.support.domain.Duplicate;
import dev.orchestrion.support.domain.StaleVersion;

/**
 * Entries in the {@code entries} collection, one document per entry ({@code _id} = tenant/id). Every change is one
 * single-document update filtered on the entry's revision (MongoDB-wire has no transactions): the new state, the
 * revision bump and the change's outbox items are written together or not at all.
 */
@ApplicationScoped
public class EntryRepository {

    /** An entry with the versions and audit records still waiting in its outbox (not yet copied out). */
    public record StoredEntry(Entry entry, List<EntryVersion> pendingVersions, List<HistoryRecord> pendingHistory) {
    }

    /** A page of entries and how many match in all. */
    public record Page(List<Entry> entries, long total) {
    }

    private final ReactiveMongoCollection<Document> collection;

    public EntryRepository(ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection("entries");
    }

    void createIndexes(@Observes StartupEvent startup) {
        collection.createIndex(Indexes.ascending("tenant", "contentType", "createdAt"),
                new IndexOptions().name("tenant_type_created")).await().indefinitely();
        // the workflow inbox: entries in the states that wait for a role, across content types, latest change first
        collection
                .createIndex(
                        Indexes.compoundIndex(Indexes.ascending("tenant", "workflowId", "workflowState"),
                                Indexes.descending("updatedAt")),
                        new IndexOptions().name("tenant_workflow_state_updated"))
                .await().indefinitely();
        collection.createIndex(Indexes.ascending("nextDueAt"), new IndexOptions().name("next_due")).await()
                .indefinitely();
        collection.createIndex(Indexes.ascending("outboxSince"), new IndexOptions().name("outbox_since")).await()
                .indefinitely();
    }

    /** The id of an entry's document, which the outbox relay works with. */
    public static String documentId(String tenant, String entryId) {
        return EntryDocuments.documentId(tenant, entryId);
    }

    /** Stores a new entry with its outbox: {@link Duplicate} if the id is taken (also by a deleted entry). */
    public Uni<Entry> insert(EntryChange change, Instant now) {
        Entry e = change.after();
        Entry stored = new Entry(e.tenant(), e.id(), e.contentType(), e.workflowId(), e.data(), e.createdAt(),
                e.createdBy(), e.updatedAt(), e.deletedAt(), e.workflowState(), e.latestVersion(), e.versionNo(),
                e.publicVersion(), e.schedules(), 1, e.historyCount());
        return collection.insertOne(EntryDocuments.newEntry(change, now)).replaceWith(stored)
                .onFailure(MongoErrors::duplicateKey)
                .transform(x -> new Duplicate("id", "An entry with id " + e.id() + " exists or existed"));
    }

    /**
     * Applies a change to the entry as it was at {@code before.revision()}: {@link StaleVersion} if anything changed it since. With
     * {@code releaseScheduleLease} the scheduler's claim is given up in the same update.
     */
    public Uni<Entry> apply(Entry before, EntryChange change, Instant now, boolean releaseScheduleLease) {
        List<Bson> updates = new ArrayList<>();
        EntryDocuments.state(change.after()).forEach((name, value) -> updates.add(Updates.set(name, value)));
        updates.add(Updates.inc("revision", 1L));
        List<Document> items = EntryDocuments.outboxItems(change);
        if (!items.isEmpty()) {
            updates.add(Updates.pushEach(EntryDocuments.OUTBOX, items));
            updates.add(Updates.min("outboxSince", EntryDocuments.date(now)));
        }
        if (releaseScheduleLease) {
            updates.add(Updates.unset("scheduleLease"));
        }
        String id = EntryDocuments.documentId(before.tenant(), before.id());
        return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("revision", before.revision())),
                Updates.combine(updates)).map(result -> {
                    if (result.getMatchedCount() == 0) {
                        throw new StaleVersion("Entry " + before.id()
                                + " was changed by someone else meanwhile; read it again and retry");
                    }
                    Entry a = change.after();
                    return new Entry(a.tenant(), a.id(), a.contentType(), a.workflowId(), a.data(), a.createdAt(),
                            a.createdBy(), a.updatedAt(), a.deletedAt(), a.workflowState(), a.latestVersion(),
                            a.versionNo(), a.publicVersion(), a.schedules(), before.revision() + 1, a.historyCount());
                });
    }

    /** The entry (also a deleted one) with what its outbox still holds, or null. */
    public Uni<StoredEntry> find(String tenant, String entryId) {
        return collection.find(Filters.eq("_id", EntryDocuments.documentId(tenant, entryId))).collect().first()
                .map(d -> d == null ? null : stored(d));
    }

    /** A page of the type's live entries; {@code publicOnly} restricts to entries with a public version. */
    public Uni<Page> list(String tenant, String contentType, EntryQuery query, boolean publicOnly) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("tenant", tenant),
                Filters.eq("contentType", contentType), Filters.eq("deletedAt", null)));
        if (publicOnly) {
            filters.add(Filters.ne("publicVersion", null));
        }
        query.conditions().forEach(c -> filters.add(condition(c, publicOnly)));
        Bson filter = Filters.and(filters);
        Bson sort = query.orderBy() == null
                ? Sorts.ascending("createdAt", "_id")
                : query.descending()
                        ? Sorts.descending(path(query.orderBy(), publicOnly), "_id")
                        : Sorts.ascending(path(query.orderBy(), publicOnly), "_id");
        Uni<List<Entry>> page = collection
                .find(filter, new FindOptions().sort(sort).skip(query.skip()).limit(query.limit()))
                .map(EntryDocuments::entry).collect().asList();
        return Uni.combine().all().unis(page, collection.countDocuments(filter)).asTuple()
                .map(t -> new Page(t.getItem1(), t.getItem2()));
    }

    /**
     * A page of the tenant's live entries that are in one of the given states of their workflow (optionally of one
     * content type), latest change first, and how many there are.
     *
     * @param statesByWorkflow per workflow id, the states to list; none lists nothing
     */
    public Uni<Page> inStates(String tenant, Map<String, Set<String>> statesByWorkflow, String contentType,
            String createdBy, int skip, int limit) {
        if (statesByWorkflow.isEmpty()) {
            return Uni.createFrom().item(new Page(List.of(), 0));
        }
        List<Bson> positions = new ArrayList<>();
        statesByWorkflow.forEach((workflowId, states) -> positions
                .add(Filters.and(Filters.eq("workflowId", workflowId), Filters.in("workflowState", states))));
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("tenant", tenant), Filters.eq("deletedAt", null),
                positions.size() == 1 ? positions.get(0) : Filters.or(positions)));
        if (contentType != null) {
            filters.add(Filters.eq("contentType", contentType));
        }
        if (createdBy != null) {
            filters.add(Filters.eq("createdBy", createdBy));
        }
        Bson filter = Filters.and(filters);
        Uni<List<Entry>> page = collection.find(filter, new FindOptions()
                .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id"))).skip(skip).limit(limit))
                .map(EntryDocuments::entry).collect().asList();
        return Uni.combine().all().unis(page, collection.countDocuments(filter)).asTuple()
                .map(t -> new Page(t.getItem1(), t.getItem2()));
    }

    public Uni<Long> countLive(String tenant, String contentType) {
        return collection.countDocuments(Filters.and(Filters.eq("tenant", tenant),
                Filters.eq("contentType", contentType), Filters.eq("deletedAt", null)));
    }

    /** How many live entries of the type are in one of these states. */
    public Uni<Long> countInStates(String tenant, List<String> contentTypes, String workflowId, List<String> states) {
        return collection.countDocuments(Filters.and(Filters.eq("tenant", tenant),
                Filters.in("contentType", contentTypes), Filters.eq("workflowId", workflowId),
                Filters.eq("deletedAt", null), Filters.in("workflowState", states)));
    }

    /** Live entries of the type that still follow another workflow than {@code workflowId}. */
    public Uni<List<Entry>> notFollowing(String tenant, String contentType, String workflowId, int limit) {
        return collection.find(
                Filters.and(Filters.eq("tenant", tenant), Filters.eq("contentType", contentType),
                        Filters.eq("deletedAt", null), Filters.ne("workflowId", workflowId)),
                new FindOptions().limit(limit)).map(EntryDocuments::entry).collect().asList();
    }

    // --- scheduler ----------------------------------------------------------------------------------------------

    /** Claims one entry with a due schedule for {@code lease} (atomic: one instance wins), or null. */
    public Uni<Entry> claimDue(Instant now, Duration lease) {
        return collection
                .findOneAndUpdate(
                        Filters.and(Filters.lte("nextDueAt", EntryDocuments.date(now)),
                                unclaimed("scheduleLease", now)),
                        Updates.set("scheduleLease", EntryDocuments.date(now.plus(lease))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                                .sort(Sorts.ascending("nextDueAt")))
                .map(d -> d == null ? null : EntryDocuments.entry(d));
    }

    /**
     * Gives up a schedule claim without a change. The due date is recomputed only if the entry is still as read;
     * otherwise whoever changed it set it already.
     */
    public Uni<Void> releaseSchedule(Entry entry) {
        String id = EntryDocuments.documentId(entry.tenant(), entry.id());
        return collection
                .updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("revision", entry.revision())),
                        Updates.combine(Updates.unset("scheduleLease"),
                                Updates.set("nextDueAt", EntryDocuments.date(entry.schedules().nextDueAt()))))
                .chain(result -> result.getMatchedCount() > 0
                        ? Uni.createFrom().voidItem()
                        : collection.updateOne(Filters.eq("_id", id), Updates.unset("scheduleLease"))
                                .replaceWithVoid());
    }

    private static Bson unclaimed(String lease, Instant now) {
        return Filters.or(Filters.eq(lease, null), Filters.lt(lease, EntryDocuments.date(now)));
    }

    private static StoredEntry stored(Document d) {
        List<EntryVersion> versions = new ArrayList<>();
        List<HistoryRecord> history = new ArrayList<>();
        for (Document item : EntryDocuments.outbox(d)) {
            if ("version".equals(item.getString("kind"))) {
                versions.add(EntryDocuments.version(item.get("version", Document.class)));
            } else if ("history".equals(item.getString("kind"))) {
                history.add(EntryDocuments.history(item.get("record", Document.class)));
            }
        }
        return new StoredEntry(EntryDocuments.entry(d), versions, history);
    }

    private static String path(String field, boolean publicOnly) {
        return switch (field) {
            case "id" -> "entryId";
            case "internal.createdAt" -> "createdAt";
            case "internal.updatedAt" -> publicOnly ? "publicVersion.publishedAt" : "updatedAt";
            case "internal.latestVersion" -> publicOnly ? "publicVersion.number" : "latestVersion";
            case "internal.workflowState" -> publicOnly ? "publicVersion.workflowState" : "workflowState";
            default -> (publicOnly ? "publicVersion.data." : "data.") + field;
        };
    }

    private static Bson condition(EntryQuery.Condition c, boolean publicOnly) {
        String path = path(c.field(), publicOnly);
        Object value = c.instant() != null ? EntryDocuments.date(c.instant()) : BsonJson.toBson(c.value());
        String text = c.value().isTextual() ? c.value().asText() : null;
        return switch (c.operator()) {
            case "equals" -> Filters.eq(path, value);
            case "notEquals" -> Filters.ne(path, value);
            case "contains" -> Filters.regex(path, Pattern.quote(text), "i");
            case "notContains" -> Filters.not(Filters.regex(path, Pattern.quote(text), "i"));
            case "startsWith" -> Filters.regex(path, "^" + Pattern.quote(text), "i");
            case "endsWith" -> Filters.regex(path, Pattern.quote(text) + "$", "i");
            case "greaterThan" -> Filters.gt(path, value);
            case "greaterThanEqual" -> Filters.gte(path, value);
            case "lessThan" -> Filters.lt(path, value);
            case "lessThanEqual" -> Filters.lte(path, value);
            default -> throw new IllegalArgumentException("Unknown operator " + c.operator());
        };
    }
}
