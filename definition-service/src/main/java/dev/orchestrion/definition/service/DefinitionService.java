package dev.orchestrion.definition.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.graph.DefinitionShape;
import dev.orchestrion.definition.graph.ExpressionCompiler;
import dev.orchestrion.definition.graph.LiteralHttpTargets;
import dev.orchestrion.definition.graph.ShapeError;
import dev.orchestrion.definition.graph.validation.GraphValidator;
import dev.orchestrion.definition.messaging.DefinitionEvents;
import dev.orchestrion.definition.messaging.OutboxRelay;
import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.DefinitionQuery;
import dev.orchestrion.definition.model.DefinitionStatus;
import dev.orchestrion.definition.model.Folder;
import dev.orchestrion.definition.model.Incident;
import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;
import dev.orchestrion.definition.model.OutboxEvent;
import dev.orchestrion.definition.model.Position;
import dev.orchestrion.definition.model.StoredDefinition;
import dev.orchestrion.definition.repository.ConnectionRepository;
import dev.orchestrion.definition.repository.ContentRepository;
import dev.orchestrion.definition.repository.DefinitionRepository;
import dev.orchestrion.definition.repository.FolderRepository;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotFound;
import dev.orchestrion.support.domain.StaleVersion;
import dev.orchestrion.support.ids.Ids;
import dev.orchestrion.support.outbound.OutboundTargets;
import dev.orchestrion.support.outbound.OutboundTargets.SavedTarget;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.paging.PageRequest;

/**
 * Creating, reading, editing, moving, duplicating, deleting and searching the tenant's workflow definitions. Every
 * change is one version-filtered update of the definition document that also appends its event to the document's
 * outbox; the relay then publishes it.
 */
@ApplicationScoped
public class DefinitionService {

    static final String WHAT = "Workflow definition";
    private static final int MAX_ATTEMPTS = 3;
    private static final Set<String> STATUSES = Set.of("DRAFT", "ACTIVE", "PAUSED", "FINALIZED");
    private static final Set<String> TRIGGER_KINDS = Set.of("api", "event", "schedule", "http");

    private final DefinitionRepository definitions;
    private final ContentRepository contents;
    private final FolderRepository folders;
    private final ConnectionRepository connections;
    private final OutboxRelay relay;
    private final OutboundTargets targets;
    private final GraphValidator validator = new GraphValidator(new ExpressionCompiler());

    public DefinitionService(DefinitionRepository definitions, ContentRepository contents, FolderRepository folders,
            ConnectionRepository connections, OutboxRelay relay, OutboundTargets targets) {
        this.definitions = definitions;
        this.contents = contents;
        this.folders = folders;
        this.connections = connections;
        this.relay = relay;
        this.targets = targets;
    }

    // ---- create and read

    public Uni<DefinitionView> create(String tenant, String actor, DefinitionContent content) {
        return createDraft(tenant, actor, content).chain(stored -> view(stored));
    }

    /** A new definition as a designer starts it: a blank one (no nodes, no connectors) gets the canvas's Start node. */
    public Uni<DefinitionView> createFromCanvas(String tenant, String actor, DefinitionContent content) {
        return create(tenant, actor, isBlank(content) ? content.withNodes(List.of(startNode())) : content);
    }

    private static boolean isBlank(DefinitionContent content) {
        return (content.nodes() == null || content.nodes().isEmpty())
                && (content.executionConnectors() == null || content.executionConnectors().isEmpty())
                && (content.dataConnectors() == null || content.dataConnectors().isEmpty());
    }

    /** The node a blank canvas holds, as the editor shows it (seed 002: "This canvas has only one Start node"). */
    static Node startNode() {
        return new Node("start", "start", "Start", new Position(0, 0), Map.of(), null, null);
    }

    /** Stores {@code content} as a new DRAFT definition, after the shape checks (400) and folder check. */
    public Uni<StoredDefinition> createDraft(String tenant, String actor, DefinitionContent content) {
        return createDraft(tenant, actor, content, UUID.randomUUID().toString());
    }

    /** As {@link #createDraft(String, String, DefinitionContent)}, with an id chosen beforehand (imports). */
    public Uni<StoredDefinition> createDraft(String tenant, String actor, DefinitionContent content, String id) {
        DefinitionContent normalized = requireWellFormed(content);
        return requireFolder(tenant, normalized.folderId()).chain(() -> {
            Instant now = now();
            String contentId = UUID.randomUUID().toString();
            StoredDefinition stored = new StoredDefinition(id, tenant, normalized.name(), normalized.description(),
                    normalized.tags(), normalized.folderId(), normalized.exclusiveGroup(), normalized.triggerKind(),
                    DefinitionStatus.DRAFT, 0, contentId, false, null, null, null, null, null, null, null, false, now,
                    actor, now, actor);
            OutboxEvent created = DefinitionEvents.of(DefinitionEvents.CREATED, stored, actor, now);
            return contents.insert(contentId, tenant, id, normalized)
                    .chain(() -> definitions.insert(stored, List.of(created)))
                    .invoke(() -> relay.relaySoon(DefinitionRepository.COLLECTION, id)).replaceWith(stored);
        });
    }

    public Uni<DefinitionView> get(String tenant, String id) {
        return stored(tenant, id).chain(this::view);
    }

    public Uni<StoredDefinition> stored(String tenant, String id) {
        return definitions.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound(WHAT, id));
    }

    public Uni<DefinitionContent> draftOf(StoredDefinition stored) {
        return contents.find(stored.draftContentId()).onItem().ifNull().failWith(() -> new IllegalStateException(
                "Content " + stored.draftContentId() + " of definition " + stored.id() + " is missing"));
    }

    Uni<DefinitionContent> publishedContentOf(StoredDefinition stored) {
        return contents.find(stored.publishedContentId()).onItem().ifNull().failWith(
                () -> new IllegalStateException("Published content of definition " + stored.id() + " is missing"));
    }

    public Uni<DefinitionView> view(StoredDefinition stored) {
        Uni<Integer> position = stored.status() == DefinitionStatus.ACTIVE
                ? definitions.activeInPriorityOrder(stored.tenant()).map(active -> {
                    for (int i = 0; i < active.size(); i++) {
                        if (active.get(i).id().equals(stored.id())) {
                            return i + 1;
                        }
                    }
                    return null;
                })
                : Uni.createFrom().nullItem();
        return draftOf(stored).chain(draft -> position.map(p -> new DefinitionView(stored, draft, p)));
    }

    // ---- edit

    public Uni<DefinitionView> update(String tenant, String actor, String id, DefinitionContent content,
            Long expectedRevision) {
        DefinitionContent normalized = requireWellFormed(content);
        String[] replaced = new String[1];
        return requireFolder(tenant, normalized.folderId()).chain(() -> change(tenant, id, expectedRevision, stored -> {
            if (stored.status() == DefinitionStatus.FINALIZED) {
                return Uni.createFrom().failure(
                        new Conflict("Definition " + id + " is FINALIZED and cannot be edited; duplicate it instead"));
            }
            String contentId = UUID.randomUUID().toString();
            replaced[0] = stored.draftContentId();
            Instant now = now();
            StoredDefinition next = stored.withContent(contentId, normalized, stored.status().isPublished(), now,
                    actor);
            return contents.insert(contentId, tenant, id, normalized).replaceWith(
                    new Change(next, List.of(DefinitionEvents.of(DefinitionEvents.UPDATED, next, actor, now))));
        })).call(next -> forgetDraft(replaced[0], next)).chain(this::view);
    }

    /** Moves the definition to another folder (null: the top level). Allowed in every status. */
    public Uni<DefinitionView> move(String tenant, String actor, String id, String folderId, Long expectedRevision) {
        String target = folderId == null || folderId.isBlank() ? null : folderId;
        String[] replaced = new String[1];
        return requireFolder(tenant, target)
                .chain(() -> change(tenant, id, expectedRevision, stored -> draftOf(stored).chain(draft -> {
                    String contentId = UUID.randomUUID().toString();
                    replaced[0] = stored.draftContentId();
                    Instant now = now();
                    StoredDefinition next = stored.movedTo(target, contentId, now, actor);
                    return contents.insert(contentId, tenant, id, draft.withFolderId(target)).replaceWith(
                            new Change(next, List.of(DefinitionEvents.of(DefinitionEvents.UPDATED, next, actor, now))));
                }))).call(next -> forgetDraft(replaced[0], next)).chain(this::view);
    }

    /** Soft delete: the definition disappears from every list; its published versions stay readable. */
    public Uni<Void> delete(String tenant, String actor, String id, Long expectedRevision) {
        return change(tenant, id, expectedRevision, stored -> {
            Instant now = now();
            StoredDefinition next = stored.asDeleted(now, actor);
            List<OutboxEvent> events = new ArrayList<>();
            events.add(DefinitionEvents.of(DefinitionEvents.DELETED, next, actor, now));
            if (stored.status() == DefinitionStatus.ACTIVE) {
                return activeOrderWith(tenant, next).map(order -> {
                    events.add(DefinitionEvents.prioritiesChanged(tenant, order, actor, now));
                    return new Change(next, events);
                });
            }
            return Uni.createFrom().item(new Change(next, events));
        }).replaceWithVoid();
    }

    public Uni<DefinitionView> duplicate(String tenant, String actor, String id, String name, String folderId) {
        return stored(tenant, id).chain(this::draftOf).chain(draft -> {
            String copyName = name != null && !name.isBlank() ? name : copyName(draft.name());
            DefinitionContent copy = draft.withName(copyName);
            if (folderId != null) {
                copy = copy.withFolderId(folderId.isBlank() ? null : folderId);
            }
            return create(tenant, actor, copy);
        });
    }

    static String copyName(String name) {
        String copy = name + " (copy)";
        return copy.length() > DefinitionShape.MAX_NAME ? copy.substring(0, DefinitionShape.MAX_NAME) : copy;
    }

    // ---- incidents

    public Uni<List<Incident>> incidents(String tenant, String id) {
        return stored(tenant, id).chain(this::draftOf).chain(draft -> incidentsOf(tenant, draft));
    }

    public Uni<List<Incident>> incidentsOf(String tenant, DefinitionContent content) {
        return incidentsOf(tenant, content, Set.of());
    }

    /**
     * The incidents of {@code content} in the tenant; {@code alsoExisting} are definition ids that count as existing
     * (the drafts an import is creating together).
     */
    public Uni<List<Incident>> incidentsOf(String tenant, DefinitionContent content, Set<String> alsoExisting) {
        Set<String> children = subWorkflowTargets(content);
        return Uni.combine().all().unis(connectionsByName(tenant), definitions.existingIds(tenant, children)).asTuple()
                .map(t -> validator.validate(content,
                        name -> Optional.ofNullable(t.getItem1().get(name)).map(Connection::kind),
                        id -> t.getItem2().contains(id) || alsoExisting.contains(id)))
                .chain(found -> {
                    List<Incident> all = new ArrayList<>(found);
                    return refusedTargets(content).map(refused -> {
                        all.addAll(refused);
                        return List.copyOf(all);
                    });
                });
    }

    /** The definition ids subWorkflow nodes name (only well-formed ones: the others are INVALID_PROPERTY). */
    private static Set<String> subWorkflowTargets(DefinitionContent content) {
        Set<String> ids = new HashSet<>();
        if (content.nodes() != null) {
            for (var node : content.nodes()) {
                var target = node == null ? null : node.propertiesOrEmpty().get("definitionId");
                if ("subWorkflow".equals(node == null ? null : node.type()) && target != null && target.isTextual()
                        && Ids.isUuid(target.asText())) {
                    ids.add(target.asText());
                }
            }
        }
        return ids;
    }

    /** http nodes whose literal scheme and host the outbound guard refuses (the runner would refuse the call). */
    private Uni<List<Incident>> refusedTargets(DefinitionContent content) {
        List<SavedTarget> literal = LiteralHttpTargets.of(content).stream()
                .map(target -> SavedTarget.url(target.nodeId(), target.origin())).toList();
        return targets.refusals(literal)
                .map(refusals -> refusals.stream().map(
                        refusal -> Incident.of(IncidentCode.REFUSED_TARGET, refusal.field(), "url", refusal.message()))
                        .toList());
    }

    public Uni<Map<String, Connection>> connectionsByName(String tenant) {
        return connections.listTenant(tenant).map(list -> {
            Map<String, Connection> byName = new HashMap<>();
            list.forEach(c -> byName.put(c.name(), c));
            return byName;
        });
    }

    // ---- search

    /**
     * One page of the tenant's definitions that match the search. Each criterion is checked first (Invalid naming the
     * parameter); a folder is searched with its subfolders when asked.
     */
    public Uni<Page<StoredDefinition>> search(String tenant, SearchQuery query, PageRequest paging) {
        if (query.text() != null && !query.text().isBlank() && query.text().length() > 200) {
            throw Invalid.field("q", "must be at most 200 characters");
        }
        if (query.statuses() != null) {
            for (String status : query.statuses()) {
                if (!STATUSES.contains(status)) {
                    throw Invalid.field("status", "must be one of " + STATUSES);
                }
            }
        }
        if (query.triggerKind() != null && !TRIGGER_KINDS.contains(query.triggerKind())) {
            throw Invalid.field("triggerKind", "must be one of " + TRIGGER_KINDS);
        }
        DefinitionQuery.Order order = orderOf(query.sort());
        String folderId = query.folderId() == null || query.folderId().isBlank() ? null : query.folderId();
        boolean inNoFolder = "root".equals(folderId);
        Uni<Set<String>> inFolders = Uni.createFrom().nullItem();
        if (folderId != null && !inNoFolder) {
            FolderService.folderId("folderId", folderId);
            inFolders = folderScope(tenant, folderId, query.includeSubfolders());
        }
        return inFolders
                .chain(folders -> definitions.search(
                        tenant, new DefinitionQuery(query.text(), query.statuses(), inNoFolder, folders,
                                query.triggerKind(), query.tag(), query.updatedFrom(), query.updatedTo(), order),
                        paging));
    }

    /** {@code priority}, {@code name} or {@code updated}, prefixed with {@code -} for descending. */
    private static DefinitionQuery.Order orderOf(String sort) {
        String key = sort == null || sort.isBlank() ? "-updated" : sort;
        boolean descending = key.startsWith("-");
        DefinitionQuery.SortKey by = switch (descending ? key.substring(1) : key) {
            case "priority" -> DefinitionQuery.SortKey.PRIORITY;
            case "name" -> DefinitionQuery.SortKey.NAME;
            case "updated" -> DefinitionQuery.SortKey.UPDATED;
            default -> throw Invalid.field("sort",
                    "must be priority, name or updated, optionally prefixed with - for descending");
        };
        return new DefinitionQuery.Order(by, descending);
    }

    /** The folder and, when asked, all folders below it. */
    Uni<Set<String>> folderScope(String tenant, String folderId, boolean includeSubfolders) {
        return folders.listTenant(tenant).map(all -> {
            if (all.stream().noneMatch(f -> f.id().equals(folderId))) {
                throw new NotFound("Folder", folderId);
            }
            Set<String> scope = new HashSet<>();
            scope.add(folderId);
            if (includeSubfolders) {
                boolean grew = true;
                while (grew) {
                    grew = false;
                    for (Folder f : all) {
                        if (f.parentId() != null && scope.contains(f.parentId()) && scope.add(f.id())) {
                            grew = true;
                        }
                    }
                }
            }
            return scope;
        });
    }

    // ---- shared by the other use cases

    /**
     * Reads the definition, lets {@code decide} compute its next state from what it read, and writes that state if
     * nobody changed the document meanwhile. With an expected revision from the client, a difference is a 409; without
     * one, a concurrent change makes it read and decide again.
     */
    Uni<StoredDefinition> change(String tenant, String id, Long expectedRevision,
            Function<StoredDefinition, Uni<Change>> decide) {
        return attempt(tenant, id, expectedRevision, decide, 1);
    }

    private Uni<StoredDefinition> attempt(String tenant, String id, Long expectedRevision,
            Function<StoredDefinition, Uni<Change>> decide, int attempt) {
        return stored(tenant, id).chain(stored -> {
            if (expectedRevision != null && expectedRevision != stored.revision()) {
                return Uni.createFrom().failure(stale(id, expectedRevision, stored.revision()));
            }
            return decide.apply(stored).chain(
                    change -> definitions.replace(stored.revision(), change.next(), change.events()).chain(done -> {
                        if (done) {
                            relay.relaySoon(DefinitionRepository.COLLECTION, id);
                            return Uni.createFrom().item(change.next());
                        }
                        if (expectedRevision != null || attempt >= MAX_ATTEMPTS) {
                            return Uni.createFrom().failure(new StaleVersion("Definition " + id
                                    + " was changed by someone else meanwhile; read it again and retry"));
                        }
                        return attempt(tenant, id, null, decide, attempt + 1);
                    }));
        });
    }

    static StaleVersion stale(String id, long expected, long actual) {
        return new StaleVersion(
                "Definition " + id + " is at revision " + actual + ", not " + expected + "; read it again and retry");
    }

    /** The tenant's active order (definition ids, position 1 first) as it is once {@code changed} is stored. */
    Uni<List<String>> activeOrderWith(String tenant, StoredDefinition changed) {
        return definitions.rankedInTenant(tenant).map(ranked -> {
            List<StoredDefinition> all = new ArrayList<>(
                    ranked.stream().filter(d -> !d.id().equals(changed.id())).toList());
            if (!changed.deleted() && changed.priorityRank() != null) {
                all.add(changed);
            }
            return all.stream().filter(d -> d.status() == DefinitionStatus.ACTIVE)
                    .sorted(Comparator.comparing(StoredDefinition::priorityRank).thenComparing(StoredDefinition::id))
                    .map(StoredDefinition::id).toList();
        });
    }

    DefinitionContent requireWellFormed(DefinitionContent content) {
        List<ShapeError> errors = DefinitionShape.check(content);
        if (!errors.isEmpty()) {
            List<FieldViolation> fields = errors.stream().map(e -> new FieldViolation(e.field(), e.message())).toList();
            throw new Invalid("The definition is malformed: " + FieldViolation.describe(fields), fields);
        }
        return content.normalized();
    }

    Uni<Void> requireFolder(String tenant, String folderId) {
        if (folderId == null) {
            return Uni.createFrom().voidItem();
        }
        FolderService.folderId("folderId", folderId);
        return folders.find(tenant, folderId).onItem().ifNull()
                .failWith(() -> Invalid.field("folderId", "no folder " + folderId + " exists")).replaceWithVoid();
    }

    /** Removes a replaced draft's content unless a published version still points at it. */
    private Uni<Void> forgetDraft(String contentId, StoredDefinition next) {
        if (contentId == null || contentId.equals(next.publishedContentId())
                || contentId.equals(next.draftContentId())) {
            return Uni.createFrom().voidItem();
        }
        return contents.delete(contentId).onFailure().recoverWithNull();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
