package dev.orchestrion.definition.repository;

import static dev.orchestrion.definition.repository.DocumentCodec.date;
import static dev.orchestrion.definition.repository.DocumentCodec.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.DefinitionQuery;
import dev.orchestrion.definition.model.DefinitionStatus;
import dev.orchestrion.definition.model.OutboxEvent;
import dev.orchestrion.definition.model.StoredDefinition;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.paging.PageRequest;

/**
 * Definition documents in the {@code definitions} collection; every query filters on the tenant. A change replaces
 * the document's fields and appends its events to the document's {@code outbox} in one update that filters on the
 * revision it read (optimistic concurrency: no transactions on this server).
 */
@ApplicationScoped
public class DefinitionRepository {

    public static final String COLLECTION = "definitions";
    private static final long NOT_PRIORITISED = Long.MAX_VALUE;

    private final ReactiveMongoCollection<Document> collection;

    public DefinitionRepository(ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.collection = mongo.getDatabase(db).getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent startup) {
        // A real MongoDB uses these; the wire-protocol server of the local stack scans (see docs/benchmarks.md).
        collection.createIndex(Indexes.ascending("tenant", "deleted", "updatedAt"),
                new IndexOptions().name("tenant_updated")).await().indefinitely();
        collection.createIndex(Indexes.ascending("tenant", "status", "prioritySort"),
                new IndexOptions().name("tenant_priority")).await().indefinitely();
    }

    public ReactiveMongoCollection<Document> collection() {
        return collection;
    }

    public Uni<Void> insert(StoredDefinition definition, List<OutboxEvent> events) {
        Document document = toDocument(definition).append("outbox", DocumentCodec.outboxEntries(events));
        return collection.insertOne(document).replaceWithVoid();
    }

    /** The definition unless deleted, or null. */
    public Uni<StoredDefinition> find(String tenant, String id) {
        return findIncludingDeleted(tenant, id).map(d -> d == null || d.deleted() ? null : d);
    }

    public Uni<StoredDefinition> findIncludingDeleted(String tenant, String id) {
        return collection.find(Filters.eq("_id", id), new FindOptions().projection(Projections.exclude("outbox")))
                .collect().first()
                .map(d -> d == null || !tenant.equals(d.getString("tenant")) ? null : fromDocument(d));
    }

    /**
     * Replaces the stored fields with {@code next} and appends {@code events} to the outbox, if the stored revision is
     * still {@code expectedRevision}.
     *
     * @return whether the update happened (false: someone changed or deleted it meanwhile)
     */
    public Uni<Boolean> replace(long expectedRevision, StoredDefinition next, List<OutboxEvent> events) {
        Document fields = toDocument(next);
        fields.remove("_id");
        List<Bson> updates = new ArrayList<>();
        fields.forEach((name, value) -> updates.add(Updates.set(name, value)));
        if (!events.isEmpty()) {
            updates.add(Updates.pushEach("outbox", DocumentCodec.outboxEntries(events)));
        }
        Bson filter = Filters.and(Filters.eq("_id", next.id()), Filters.eq("tenant", next.tenant()),
                Filters.eq("revision", expectedRevision));
        return collection.findOneAndUpdate(filter, Updates.combine(updates),
                new com.mongodb.client.model.FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include("_id")))
                .map(d -> d != null);
    }

    /** The tenant's ACTIVE definitions in priority order (position 1 first). */
    public Uni<List<StoredDefinition>> activeInPriorityOrder(String tenant) {
        return collection
                .find(Filters.and(Filters.eq("tenant", tenant), Filters.eq("status", DefinitionStatus.ACTIVE.name()),
                        Filters.eq("deleted", false)),
                        new FindOptions().projection(Projections.exclude("outbox"))
                                .sort(Sorts.ascending("prioritySort", "_id")))
                .map(DefinitionRepository::fromDocument).collect().asList();
    }

    /** The tenant's ACTIVE and PAUSED definitions (both have a priority rank) in rank order. */
    public Uni<List<StoredDefinition>> rankedInTenant(String tenant) {
        return collection
                .find(Filters.and(Filters.eq("tenant", tenant),
                        Filters.in("status", DefinitionStatus.ACTIVE.name(), DefinitionStatus.PAUSED.name()),
                        Filters.eq("deleted", false)),
                        new FindOptions().projection(Projections.exclude("outbox"))
                                .sort(Sorts.ascending("prioritySort", "_id")))
                .map(DefinitionRepository::fromDocument).collect().asList();
    }

    /** One page of the tenant's live definitions that match the query, in its order, and how many match in all. */
    public Uni<Page<StoredDefinition>> search(String tenant, DefinitionQuery query, PageRequest paging) {
        Bson filter = filterOf(tenant, query);
        Uni<List<StoredDefinition>> items = collection
                .find(filter,
                        new FindOptions().projection(Projections.exclude("outbox")).sort(sortOf(query.order()))
                                .skip((int) paging.offset()).limit(paging.size()))
                .map(DefinitionRepository::fromDocument).collect().asList();
        return Uni.combine().all().unis(items, collection.countDocuments(filter)).asTuple()
                .map(found -> Page.of(paging, found.getItem1(), found.getItem2()));
    }

    private static Bson filterOf(String tenant, DefinitionQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("tenant", tenant));
        filters.add(Filters.eq("deleted", false));
        if (query.text() != null && !query.text().isBlank()) {
            filters.add(Filters.regex("searchText", Pattern.quote(query.text().trim().toLowerCase(Locale.ROOT))));
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            filters.add(Filters.in("status", query.statuses()));
        }
        if (query.triggerKind() != null) {
            filters.add(Filters.eq("triggerKind", query.triggerKind()));
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            filters.add(Filters.eq("tags", query.tag()));
        }
        if (query.updatedFrom() != null) {
            filters.add(Filters.gte("updatedAt", date(query.updatedFrom())));
        }
        if (query.updatedTo() != null) {
            filters.add(Filters.lte("updatedAt", date(query.updatedTo())));
        }
        if (query.inNoFolder()) {
            filters.add(Filters.eq("folderId", null));
        }
        if (query.inFolders() != null) {
            filters.add(Filters.in("folderId", query.inFolders()));
        }
        return Filters.and(filters);
    }

    private static Bson sortOf(DefinitionQuery.Order order) {
        String field = switch (order.key()) {
            case PRIORITY -> "prioritySort";
            case NAME -> "nameSort";
            case UPDATED -> "updatedAt";
        };
        return order.descending()
                ? Sorts.orderBy(Sorts.descending(field), Sorts.descending("_id"))
                : Sorts.orderBy(Sorts.ascending(field), Sorts.ascending("_id"));
    }

    /** Which of {@code ids} are definitions of the tenant that are not deleted. */
    public Uni<java.util.Set<String>> existingIds(String tenant, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(java.util.Set.of());
        }
        return collection
                .find(Filters.and(Filters.in("_id", ids), Filters.eq("tenant", tenant), Filters.eq("deleted", false)),
                        new FindOptions().projection(Projections.include("_id")))
                .map(d -> d.getString("_id")).collect().asList().map(java.util.Set::copyOf);
    }

    public Uni<List<StoredDefinition>> inFolders(String tenant, Collection<String> folderIds) {
        return collection
                .find(Filters.and(Filters.eq("tenant", tenant), Filters.eq("deleted", false),
                        Filters.in("folderId", folderIds)), new FindOptions().projection(Projections.exclude("outbox")))
                .map(DefinitionRepository::fromDocument).collect().asList();
    }

    public Uni<Long> countInFolder(String tenant, String folderId) {
        return collection.countDocuments(Filters.and(Filters.eq("tenant", tenant), Filters.eq("deleted", false),
                Filters.eq("folderId", folderId)));
    }

    public Uni<Boolean> existsByName(String tenant, String name) {
        return collection.countDocuments(
                Filters.and(Filters.eq("tenant", tenant), Filters.eq("deleted", false), Filters.eq("name", name)))
                .map(n -> n > 0);
    }

    public Uni<List<StoredDefinition>> findByName(String tenant, String name) {
        return collection
                .find(Filters.and(Filters.eq("tenant", tenant), Filters.eq("deleted", false), Filters.eq("name", name)),
                        new FindOptions().projection(Projections.exclude("outbox")))
                .map(DefinitionRepository::fromDocument).collect().asList();
    }

    /** Drafts whose scheduled start has come, across tenants. */
    public Uni<List<StoredDefinition>> dueScheduledStarts(Instant now, int limit) {
        return collection
                .find(Filters.and(Filters.eq("status", DefinitionStatus.DRAFT.name()), Filters.eq("deleted", false),
                        Filters.lte("scheduledStartAt", date(now))),
                        new FindOptions().projection(Projections.exclude("outbox")).limit(limit))
                .map(DefinitionRepository::fromDocument).collect().asList();
    }

    static Document toDocument(StoredDefinition d) {
        List<String> tags = d.tags() == null ? List.of() : d.tags();
        String searchText = (d.name() + " " + (d.description() == null ? "" : d.description()) + " "
                + String.join(" ", tags)).toLowerCase(Locale.ROOT);
        return new Document("_id", d.id()).append("tenant", d.tenant()).append("name", d.name())
                .append("nameSort", d.name().toLowerCase(Locale.ROOT)).append("description", d.description())
                .append("tags", tags).append("searchText", searchText).append("folderId", d.folderId())
                .append("exclusiveGroup", d.exclusiveGroup()).append("triggerKind", d.triggerKind())
                .append("status", d.status().name()).append("revision", d.revision())
                .append("draftContentId", d.draftContentId()).append("pendingRevision", d.pendingRevision())
                .append("publishedVersion", d.publishedVersion()).append("publishedContentId", d.publishedContentId())
                .append("publishedConnections",
                        d.publishedConnections() == null ? null : new Document(Map.copyOf(d.publishedConnections())))
                .append("publishedAt", date(d.publishedAt())).append("publishedBy", d.publishedBy())
                .append("priorityRank", d.priorityRank())
                .append("prioritySort", d.priorityRank() == null ? NOT_PRIORITISED : d.priorityRank())
                .append("scheduledStartAt", date(d.scheduledStartAt())).append("deleted", d.deleted())
                .append("createdAt", date(d.createdAt())).append("createdBy", d.createdBy())
                .append("updatedAt", date(d.updatedAt())).append("updatedBy", d.updatedBy());
    }

    @SuppressWarnings("unchecked")
    static StoredDefinition fromDocument(Document d) {
        Number published = d.get("publishedVersion", Number.class);
        Number rank = d.get("priorityRank", Number.class);
        Document connections = d.get("publishedConnections", Document.class);
        return new StoredDefinition(d.getString("_id"), d.getString("tenant"), d.getString("name"),
                d.getString("description"), d.getList("tags", String.class, List.of()), d.getString("folderId"),
                d.getString("exclusiveGroup"), d.getString("triggerKind"),
                DefinitionStatus.valueOf(d.getString("status")), d.get("revision", Number.class).longValue(),
                d.getString("draftContentId"), Boolean.TRUE.equals(d.getBoolean("pendingRevision")),
                published == null ? null : published.intValue(), d.getString("publishedContentId"),
                connections == null ? null : (Map<String, String>) (Map<?, ?>) Map.copyOf(connections),
                instant(d.getDate("publishedAt")), d.getString("publishedBy"), rank == null ? null : rank.longValue(),
                instant(d.getDate("scheduledStartAt")), Boolean.TRUE.equals(d.getBoolean("deleted")),
                instant(d.getDate("createdAt")), d.getString("createdBy"), instant(d.getDate("updatedAt")),
                d.getString("updatedBy"));
    }
}
