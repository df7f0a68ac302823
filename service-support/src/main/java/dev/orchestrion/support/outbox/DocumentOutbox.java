package dev.orchestrion.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.support.messaging.OutgoingRecord;

/**
 * An outbox inside MongoDB documents: a change appends its pending items to a list in the document it changes, in
 * the same single-document update (the Mongo-wire server has no transactions). A round takes the documents the
 * service pointed out ({@link #changed}) or, when sweeping, every document with pending items; claims each (a lease,
 * if the layout has one, keeps other instances off it); publishes the items' records in list order; and pulls the
 * acknowledged items out of the list. Items may also stand for work other than a record (see {@link Items#prepare}).
 */
public final class DocumentOutbox implements OutboxStore<DocumentOutbox.ItemRef> {

    private static final Logger LOG = Logger.getLogger(DocumentOutbox.class);

    /**
     * Where the outbox lives in a document.
     *
     * @param outboxField the list of pending items
     * @param itemIdField the field that identifies an item within the list
     * @param pendingSinceField a date set (with {@code $min}) whenever items are added, or null: sweeps find and order
     *        documents by it (index it), and the relay unsets it once the list is empty; without it, sweeps find
     *        documents by a non-empty list
     * @param leaseField the date until which a relay holds the document's outbox, or null for none: then two
     *        instances may publish one item twice (consumers drop the second by its id)
     * @param lease how long a claim holds
     */
    public record Layout(String outboxField, String itemIdField, String pendingSinceField, String leaseField,
            Duration lease) {
    }

    /** What the service's items mean. */
    public interface Items {

        /** The records one item stands for, in order; none for an item {@link #prepare} takes care of. */
        List<OutgoingRecord> records(Document item);

        /**
         * Work a claimed document needs before its records go out (content-workflow copies versions and audit
         * records into their collections). Must be idempotent: after a failure it runs again.
         */
        default Uni<Void> prepare(String collection, Document document) {
            return Uni.createFrom().voidItem();
        }
    }

    /** A document that may hold pending items. */
    public record DocumentRef(String collection, Object id) {
    }

    /** One item of one document's outbox. */
    public record ItemRef(String collection, Object documentId, String itemId) {
    }

    private record Claimed(DocumentRef ref, Document document) {
    }

    private final Map<String, ReactiveMongoCollection<Document>> collections;
    private final Layout layout;
    private final Items items;
    private final Set<DocumentRef> changedSet = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<DocumentRef> changedQueue = new ConcurrentLinkedQueue<>();

    /** @param collections the collections whose documents carry an outbox, by name (sweeps go in this order) */
    public DocumentOutbox(List<ReactiveMongoCollection<Document>> collections, Layout layout, Items items) {
        this.collections = new LinkedHashMap<>();
        collections.forEach(c -> this.collections.put(c.getNamespace().getCollectionName(), c));
        this.layout = layout;
        this.items = items;
    }

    /** Points the next round at a document whose outbox a change has just filled. */
    public void changed(String collection, Object documentId) {
        DocumentRef ref = new DocumentRef(collection, documentId);
        if (changedSet.add(ref)) {
            changedQueue.add(ref);
        }
    }

    @Override
    public Uni<Round> relayRound(int limit, boolean sweep,
            Function<List<PendingEntry<ItemRef>>, Uni<Set<ItemRef>>> publish) {
        Set<DocumentRef> refs = new LinkedHashSet<>();
        DocumentRef ref;
        while (refs.size() < limit && (ref = changedQueue.poll()) != null) {
            changedSet.remove(ref);
            refs.add(ref);
        }
        int wanted = limit - refs.size();
        Uni<Boolean> found = sweep && wanted > 0 ? findPending(wanted).map(pending -> {
            refs.addAll(pending);
            return pending.size() == wanted;
        }) : Uni.createFrom().item(false);
        return found.chain(full -> refs.isEmpty()
                ? Uni.createFrom().item(new Round(false, 0, 0, !changedQueue.isEmpty()))
                : claimAll(List.copyOf(refs)).chain(claimed -> relay(claimed, publish)).map(
                        round -> new Round(false, round.read(), round.published(), full || !changedQueue.isEmpty())));
    }

    private Uni<Round> relay(List<Claimed> claimed, Function<List<PendingEntry<ItemRef>>, Uni<Set<ItemRef>>> publish) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(new Round(false, 0, 0, false));
        }
        return Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(this::entriesOf).collect()
                .asList().chain(perDocument -> {
                    List<PendingEntry<ItemRef>> entries = new ArrayList<>();
                    int read = 0;
                    for (List<PendingEntry<ItemRef>> documentEntries : perDocument) {
                        if (documentEntries != null) {
                            entries.addAll(documentEntries);
                        }
                    }
                    for (Claimed c : claimed) {
                        read += outbox(c.document()).size();
                    }
                    int total = read;
                    Uni<Set<ItemRef>> acknowledged = entries.isEmpty()
                            ? Uni.createFrom().item(Set.of())
                            : publish.apply(entries);
                    return acknowledged.chain(acked -> Multi.createFrom().iterable(claimed).onItem()
                            .transformToUniAndConcatenate(c -> complete(c, acked)).collect().asList()
                            .replaceWith(new Round(false, total, acked.size(), false)));
                });
    }

    /** The document's items as entries, once prepared; null (nothing published) if preparing or decoding failed. */
    private Uni<List<PendingEntry<ItemRef>>> entriesOf(Claimed claimed) {
        DocumentRef ref = claimed.ref();
        return items.prepare(ref.collection(), claimed.document()).map(prepared -> {
            List<PendingEntry<ItemRef>> entries = new ArrayList<>();
            for (Document item : outbox(claimed.document())) {
                entries.add(
                        new PendingEntry<>(new ItemRef(ref.collection(), ref.id(), itemId(item)), items.records(item)));
            }
            return entries;
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf("Outbox of %s/%s not relayed, retrying later: %s", ref.collection(), ref.id(),
                    failure.getMessage());
            return null;
        });
    }

    private Uni<List<Claimed>> claimAll(List<DocumentRef> refs) {
        List<Uni<Claimed>> claims = new ArrayList<>(refs.size());
        Instant now = Instant.now();
        for (DocumentRef ref : refs) {
            claims.add(claim(ref, now));
        }
        return Uni.join().all(claims).andFailFast().map(all -> all.stream().filter(c -> c != null).toList());
    }

    /** The document with its outbox, if it has pending items and no other relay holds it; else null. */
    private Uni<Claimed> claim(DocumentRef ref, Instant now) {
        ReactiveMongoCollection<Document> collection = collection(ref.collection());
        Bson pending = Filters.and(Filters.eq("_id", ref.id()), Filters.exists(layout.outboxField() + ".0"));
        Uni<Document> document = layout.leaseField() == null
                ? collection.find(pending).collect().first()
                : collection.findOneAndUpdate(Filters.and(pending, unclaimed(now)),
                        Updates.set(layout.leaseField(), Date.from(now.plus(layout.lease()))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return document.map(d -> d == null ? null : new Claimed(ref, d));
    }

    /** Pulls what Kafka acknowledged out of the document's outbox, gives up the claim, and unmarks an empty outbox. */
    private Uni<Void> complete(Claimed claimed, Set<ItemRef> acknowledged) {
        List<String> done = new ArrayList<>();
        for (Document item : outbox(claimed.document())) {
            String id = itemId(item);
            if (acknowledged.contains(new ItemRef(claimed.ref().collection(), claimed.ref().id(), id))) {
                done.add(id);
            }
        }
        List<Bson> updates = new ArrayList<>();
        if (!done.isEmpty()) {
            updates.add(Updates.pull(layout.outboxField(), Filters.in(layout.itemIdField(), done)));
        }
        if (layout.leaseField() != null) {
            updates.add(Updates.unset(layout.leaseField()));
        }
        ReactiveMongoCollection<Document> collection = collection(claimed.ref().collection());
        Bson document = Filters.eq("_id", claimed.ref().id());
        Uni<Void> completed = updates.isEmpty()
                ? Uni.createFrom().voidItem()
                : collection.updateOne(document, Updates.combine(updates)).replaceWithVoid();
        if (layout.pendingSinceField() == null) {
            return completed;
        }
        // Atomic with the check: an item a change pushed meanwhile keeps the mark.
        return completed
                .chain(() -> collection.updateOne(
                        Filters.and(document, Filters.exists(layout.outboxField() + ".0", false),
                                Filters.ne(layout.pendingSinceField(), null)),
                        Updates.unset(layout.pendingSinceField())).replaceWithVoid());
    }

    private Uni<List<DocumentRef>> findPending(int limit) {
        Instant now = Instant.now();
        Uni<List<DocumentRef>> found = Uni.createFrom().item(List.of());
        for (ReactiveMongoCollection<Document> collection : collections.values()) {
            String name = collection.getNamespace().getCollectionName();
            found = found.chain(before -> {
                if (before.size() >= limit) {
                    return Uni.createFrom().item(before);
                }
                Bson filter = layout.leaseField() == null ? pending() : Filters.and(pending(), unclaimed(now));
                FindOptions options = new FindOptions().projection(Projections.include("_id"))
                        .limit(limit - before.size());
                if (layout.pendingSinceField() != null) {
                    options.sort(Sorts.ascending(layout.pendingSinceField()));
                }
                return collection.find(filter, options).map(d -> new DocumentRef(name, d.get("_id"))).collect().asList()
                        .map(more -> {
                            List<DocumentRef> all = new ArrayList<>(before);
                            all.addAll(more);
                            return all;
                        });
            });
        }
        return found;
    }

    @Override
    public Uni<Long> backlog() {
        Uni<Long> total = Uni.createFrom().item(0L);
        for (ReactiveMongoCollection<Document> collection : collections.values()) {
            total = total.chain(sum -> collection.countDocuments(pending()).map(n -> sum + n));
        }
        return total;
    }

    private Bson pending() {
        return layout.pendingSinceField() == null
                ? Filters.exists(layout.outboxField() + ".0")
                : Filters.ne(layout.pendingSinceField(), null);
    }

    private Bson unclaimed(Instant now) {
        return Filters.or(Filters.eq(layout.leaseField(), null), Filters.lt(layout.leaseField(), Date.from(now)));
    }

    private List<Document> outbox(Document document) {
        return document.getList(layout.outboxField(), Document.class, List.of());
    }

    private String itemId(Document item) {
        return item.getString(layout.itemIdField());
    }

    private ReactiveMongoCollection<Document> collection(String name) {
        ReactiveMongoCollection<Document> collection = collections.get(name);
        if (collection == null) {
            throw new IllegalArgumentException("No outbox in collection " + name);
        }
        return collection;
    }
}
