package dev.orchestrion.content.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.entry.EntryChanges;
import dev.orchestrion.content.entry.EntryQueryParser;
import dev.orchestrion.content.entry.EntryValidator;
import dev.orchestrion.content.entry.FieldDifferences;
import dev.orchestrion.content.messaging.OutboxRelay;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryChange;
import dev.orchestrion.content.model.EntryQuery;
import dev.orchestrion.content.model.EntryVersion;
import dev.orchestrion.content.model.HistoryRecord;
import dev.orchestrion.content.repository.EntryHistoryRepository;
import dev.orchestrion.content.repository.EntryRepository;
import dev.orchestrion.content.repository.EntryRepository.StoredEntry;
import dev.orchestrion.content.repository.EntryVersionRepository;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotFound;
import dev.orchestrion.support.domain.StaleVersion;
import dev.orchestrion.support.ids.Ids;

/**
 * Entries of a content type: create, read, list, update, delete, versions, version comparison and audit history.
 * Every change is decided by {@link EntryChanges} and stored by one versioned single-document update together with
 * its outbox, which {@link OutboxRelay} then empties.
 */
@ApplicationScoped
public class EntryService {

    /** An entry with its type and workflow, and what its outbox still holds. */
    public record Loaded(ContentType type, WorkflowMachine machine, StoredEntry stored) {

        public Entry entry() {
            return stored.entry();
        }
    }

    /** A page of entries of one type. */
    public record EntryPage(ContentType type, Map<String, WorkflowMachine> machines, List<Entry> entries, long total,
            EntryQuery query) {
    }

    /** A page of numbered items (versions or audit records) and how many there are in all. */
    public record NumberedPage<T>(List<T> items, long total) {
    }

    /** Two versions and their field differences. */
    public record Comparison(EntryVersion from, EntryVersion to, List<FieldDifferences.Difference> differences) {
    }

    private final ContentTypeService types;
    private final WorkflowDefinitionService workflows;
    private final EntryRepository entries;
    private final EntryVersionRepository versions;
    private final EntryHistoryRepository history;
    private final OutboxRelay relay;
    private final ObjectMapper json;

    public EntryService(ContentTypeService types, WorkflowDefinitionService workflows, EntryRepository entries,
            EntryVersionRepository versions, EntryHistoryRepository history, OutboxRelay relay, ObjectMapper json) {
        this.types = types;
        this.workflows = workflows;
        this.entries = entries;
        this.versions = versions;
        this.history = history;
        this.relay = relay;
        this.json = json;
    }

    /** A live entry of the type; 404 for a missing, deleted, other type's or other tenant's entry. */
    public Uni<Loaded> load(String tenant, String typeName, String id, boolean publicOnly) {
        return types.get(tenant, typeName).chain(type -> entries.find(tenant, id).chain(stored -> {
            if (stored == null || stored.entry().deleted() || !stored.entry().contentType().equals(typeName)
                    || publicOnly && stored.entry().publicVersion() == null) {
                return Uni.createFrom().failure(new NotFound("Entry", id));
            }
            return workflows.machine(tenant, stored.entry().workflowId()).map(m -> new Loaded(type, m, stored));
        }));
    }

    public Uni<Loaded> create(String tenant, String typeName, ObjectNode body, String actor) {
        return types.get(tenant, typeName).chain(type -> {
            String id = idOf(body);
            if (id == null) {
                id = UUID.randomUUID().toString();
            }
            ObjectNode data = fieldsOf(body);
            validate(type, data);
            String entryId = id;
            return workflows.machine(tenant, type.workflowId()).chain(machine -> {
                Instant now = now();
                EntryChange change = EntryChanges.create(tenant, entryId, type, machine, data, actor, now);
                return entries.insert(change, now).map(entry -> {
                    relay.relaySoon(EntryRepository.documentId(tenant, entryId));
                    return new Loaded(type, machine, new StoredEntry(entry, change.versions(), change.history()));
                });
            });
        });
    }

    /**
     * Replaces the entry's fields. Optimistic concurrency: {@code If-Match} (the revision, {@code sys.revision}) or
     * {@code internal.latestVersion} in the body must still be current when given, and the write itself only applies
     * to the revision that was read, so a concurrent change always ends in 409.
     */
    public Uni<Loaded> update(String tenant, String typeName, String id, ObjectNode body, String ifMatch,
            String actor) {
        String bodyId = idOf(body);
        if (bodyId != null && !bodyId.equals(id)) {
            throw Invalid.field("id", "must be " + id + " (the id in the path) or absent");
        }
        Long expectedRevision = revisionOf(ifMatch);
        JsonNode expectedVersion = body.path("internal").path("latestVersion");
        return load(tenant, typeName, id, false).chain(loaded -> {
            Entry entry = loaded.entry();
            if (expectedRevision != null && expectedRevision != entry.revision()) {
                throw new StaleVersion("Entry " + id + " is at revision " + entry.revision() + ", not "
                        + expectedRevision + "; read it again and retry");
            }
            if (expectedVersion.isNumber() && expectedVersion.asInt() != entry.latestVersion()) {
                throw new StaleVersion("Entry " + id + " is at version " + entry.latestVersion() + ", not "
                        + expectedVersion.asInt() + "; read it again and retry");
            }
            ObjectNode data = fieldsOf(body);
            validate(loaded.type(), data);
            Instant now = now();
            EntryChange change = EntryChanges.update(entry, loaded.machine(), data, actor, now);
            return store(loaded, change, now);
        });
    }

    public Uni<Void> delete(String tenant, String typeName, String id, String actor) {
        return load(tenant, typeName, id, false).chain(loaded -> {
            Instant now = now();
            return store(loaded, EntryChanges.delete(loaded.entry(), actor, now), now);
        }).replaceWithVoid();
    }

    /** Stores a decided change of a loaded entry and starts relaying its outbox. */
    Uni<Loaded> store(Loaded loaded, EntryChange change, Instant now) {
        return entries.apply(loaded.entry(), change, now, false).map(after -> {
            relay.relaySoon(EntryRepository.documentId(after.tenant(), after.id()));
            List<EntryVersion> pendingVersions = new ArrayList<>(loaded.stored().pendingVersions());
            pendingVersions.addAll(change.versions());
            List<HistoryRecord> pendingHistory = new ArrayList<>(loaded.stored().pendingHistory());
            pendingHistory.addAll(change.history());
            return new Loaded(loaded.type(), loaded.machine(), new StoredEntry(after, pendingVersions, pendingHistory));
        });
    }

    public Uni<EntryPage> list(String tenant, String typeName, String filters, String orderBy, String direction,
            Integer page, Integer limit, boolean publicOnly) {
        return types.get(tenant, typeName).chain(type -> {
            EntryQuery query = EntryQueryParser.parse(type, filters, orderBy, direction, page, limit, json);
            return entries.list(tenant, typeName, query, publicOnly).chain(found -> {
                List<String> workflowIds = found.entries().stream().map(Entry::workflowId).distinct().toList();
                Map<String, WorkflowMachine> machines = new TreeMap<>();
                Uni<Void> loadMachines = Uni.createFrom().voidItem();
                for (String workflowId : workflowIds) {
                    loadMachines = loadMachines.chain(() -> workflows.machine(tenant, workflowId)
                            .invoke(m -> machines.put(workflowId, m)).replaceWithVoid());
                }
                return loadMachines.map(x -> new EntryPage(type, machines, found.entries(), found.total(), query));
            });
        });
    }

    /** Versions newest first; with {@code publicOnly} only the public one. */
    public Uni<NumberedPage<EntryVersion>> versions(String tenant, String typeName, String id, int page, int limit,
            boolean publicOnly) {
        checkPaging(page, limit);
        return load(tenant, typeName, id, publicOnly).chain(loaded -> {
            Entry entry = loaded.entry();
            if (publicOnly) {
                int number = entry.publicVersion().number();
                return versionsBetween(loaded, number, number)
                        .map(list -> new NumberedPage<>(page == 1 ? list : List.of(), 1));
            }
            int to = entry.latestVersion() - (page - 1) * limit;
            int from = Math.max(1, to - limit + 1);
            if (to < 1) {
                return Uni.createFrom().item(new NumberedPage<>(List.of(), entry.latestVersion()));
            }
            return versionsBetween(loaded, from, to).map(list -> {
                List<EntryVersion> newestFirst = new ArrayList<>(list);
                newestFirst.sort(Comparator.comparingInt(EntryVersion::number).reversed());
                return new NumberedPage<>(newestFirst, entry.latestVersion());
            });
        });
    }

    public Uni<EntryVersion> version(String tenant, String typeName, String id, int number, boolean publicOnly) {
        return load(tenant, typeName, id, publicOnly).chain(loaded -> version(loaded, number, publicOnly));
    }

    public Uni<Comparison> compare(String tenant, String typeName, String id, Integer from, Integer to,
            boolean publicOnly) {
        List<FieldViolation> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new FieldViolation("from", "is required"));
        }
        if (to == null) {
            problems.add(new FieldViolation("to", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new Invalid("from and to name the versions to compare", problems);
        }
        return load(tenant, typeName, id, publicOnly)
                .chain(loaded -> version(loaded, from, publicOnly).chain(a -> version(loaded, to, publicOnly)
                        .map(b -> new Comparison(a, b, FieldDifferences.between(a.data(), b.data())))));
    }

    /** The audit history, oldest first. */
    public Uni<NumberedPage<HistoryRecord>> history(String tenant, String typeName, String id, int page, int limit,
            boolean publicOnly) {
        checkPaging(page, limit);
        return load(tenant, typeName, id, publicOnly).chain(loaded -> {
            int total = loaded.entry().historyCount();
            int from = (page - 1) * limit + 1;
            int to = Math.min(total, page * limit);
            if (from > to) {
                return Uni.createFrom().item(new NumberedPage<>(List.of(), total));
            }
            return history.range(tenant, id, from, to).map(stored -> {
                Map<Integer, HistoryRecord> bySeq = new TreeMap<>();
                stored.forEach(r -> bySeq.put(r.seq(), r));
                loaded.stored().pendingHistory().stream().filter(r -> r.seq() >= from && r.seq() <= to)
                        .forEach(r -> bySeq.put(r.seq(), r));
                return new NumberedPage<>(List.copyOf(bySeq.values()), total);
            });
        });
    }

    private Uni<EntryVersion> version(Loaded loaded, int number, boolean publicOnly) {
        Entry entry = loaded.entry();
        if (number < 1 || number > entry.latestVersion() || publicOnly && number != entry.publicVersion().number()) {
            return Uni.createFrom().failure(new NotFound("Version", number + " of entry " + entry.id()));
        }
        return versionsBetween(loaded, number, number).map(list -> {
            if (list.isEmpty()) {
                throw new NotFound("Version", number + " of entry " + entry.id());
            }
            return list.get(0);
        });
    }

    /** Stored versions merged with those still in the outbox, so a version is readable as soon as it exists. */
    private Uni<List<EntryVersion>> versionsBetween(Loaded loaded, int from, int to) {
        Entry entry = loaded.entry();
        return versions.range(entry.tenant(), entry.id(), from, to).map(stored -> {
            Map<Integer, EntryVersion> byNumber = new TreeMap<>();
            stored.forEach(v -> byNumber.put(v.number(), v));
            loaded.stored().pendingVersions().stream().filter(v -> v.number() >= from && v.number() <= to)
                    .forEach(v -> byNumber.put(v.number(), v));
            return List.copyOf(byNumber.values());
        });
    }

    private static void validate(ContentType type, ObjectNode data) {
        List<FieldViolation> problems = EntryValidator.problems(type, data);
        if (!problems.isEmpty()) {
            throw new Invalid("The entry fails the validation of content type " + type.name(), problems);
        }
    }

    private static String idOf(ObjectNode body) {
        JsonNode id = body.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual() || !Ids.isName(id.asText())) {
            throw Invalid.field("id", Ids.NAME_MESSAGE);
        }
        return id.asText();
    }

    /** The body without the platform's sections ({@code id}, {@code internal}, {@code sys}). */
    private static ObjectNode fieldsOf(ObjectNode body) {
        ObjectNode data = body.deepCopy();
        EntryValidator.RESERVED.forEach(data::remove);
        return data;
    }

    private static Long revisionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Invalid("If-Match must be the entry's ETag (its revision), e.g. \"3\"");
        }
    }

    private static void checkPaging(int page, int limit) {
        List<FieldViolation> problems = new ArrayList<>();
        if (page < 1) {
            problems.add(new FieldViolation("page", "must be 1 or more"));
        }
        if (limit < 1 || limit > EntryQuery.MAX_LIMIT) {
            problems.add(new FieldViolation("limit", "must be between 1 and " + EntryQuery.MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw new Invalid("Invalid paging", problems);
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
