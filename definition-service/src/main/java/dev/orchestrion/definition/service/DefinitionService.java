package dev.orchestrion.definition.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.graph.DefinitionShape;
import dev.orchestrion.definition.graph.ExpressionCompiler;
import dev.orchestrion.definition.graph.GraphValidator;
import dev.orchestrion.definition.graph.LiteralHttpTargets;
import dev.orchestrion.definition.graph.ShapeError;
import dev.orchestrion.definition.messaging.DefinitionEvents;
import dev.orchestrion.definition.messaging.OutboxRelay;
import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.DefinitionContent;
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
import dev.orchestrion.support.outbound.OutboundTargets;
import dev.orchestrion.support.outbound.OutboundTargets.SavedTarget;
import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

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
        return definitions.find(tenant, id).onItem().ifNull().failWith(() -> ProblemException.notFound(WHAT, id));
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
                return Uni.createFrom().failure(ProblemException
                        .conflict("Definition " + id + " is FINALIZED and cannot be edited; duplicate it instead"));
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
                        && dev.orchestrion.support.ids.Ids.isUuid(target.asText())) {
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

    public Uni<Page<StoredDefinition>> search(String tenant, SearchQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("tenant", tenant));
        filters.add(Filters.eq("deleted", false));
        if (query.text() != null && !query.text().isBlank()) {
            if (query.text().length() > 200) {
                throw ProblemException.validation("q", "must be at most 200 characters");
            }
            filters.add(Filters.regex("searchText", Pattern.quote(query.text().trim().toLowerCase(Locale.ROOT))));
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            for (String status : query.statuses()) {
                if (!STATUSES.contains(status)) {
                    throw ProblemException.validation("status", "must be one of " + STATUSES);
                }
            }
            filters.add(Filters.in("status", query.statuses()));
        }
        if (query.triggerKind() != null) {
            if (!TRIGGER_KINDS.contains(query.triggerKind())) {
                throw ProblemException.validation("triggerKind", "must be one of " + TRIGGER_KINDS);
            }
            filters.add(Filters.eq("triggerKind", query.triggerKind()));
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            filters.add(Filters.eq("tags", query.tag()));
        }
        if (query.updatedFrom() != null) {
            filters.add(Filters.gte("updatedAt", java.util.Date.from(query.updatedFrom())));
        }
        if (query.updatedTo() != null) {
            filters.add(Filters.lte("updatedAt", java.util.Date.from(query.updatedTo())));
        }
        if (query.page() < 0) {
            throw ProblemException.validation("page", "must be at least 0");
        }
        if (query.size() < 1 || query.size() > 200) {
            throw ProblemException.validation("size", "must be between 1 and 200");
        }
        Bson sort = sortOf(query.sort());
        Uni<Void> folderFilter = Uni.createFrom().voidItem();
        if (query.folderId() != null && !query.folderId().isBlank()) {
            if ("root".equals(query.folderId())) {
                filters.add(Filters.eq("folderId", null));
            } else {
                FolderService.folderId("folderId", query.folderId());
                folderFilter = folderScope(tenant, query.folderId(), query.includeSubfolders())
                        .invoke(ids -> filters.add(Filters.in("folderId", ids))).replaceWithVoid();
            }
        }
        return folderFilter.chain(() -> {
            Bson filter = Filters.and(filters);
            return Uni.combine().all()
                    .unis(definitions.search(filter, sort, query.page() * query.size(), query.size()),
                            definitions.count(filter))
                    .asTuple().map(t -> new Page<>(t.getItem1(), t.getItem2(), query.page(), query.size()));
        });
    }

    private static Bson sortOf(String sort) {
        String key = sort == null || sort.isBlank() ? "-updated" : sort;
        boolean descending = key.startsWith("-");
        String field = switch (descending ? key.substring(1) : key) {
            case "priority" -> "prioritySort";
            case "name" -> "nameSort";
            case "updated" -> "updatedAt";
            default -> throw ProblemException.validation("sort",
                    "must be priority, name or updated, optionally prefixed with - for descending");
        };
        return descending
                ? Sorts.orderBy(Sorts.descending(field), Sorts.descending("_id"))
                : Sorts.orderBy(Sorts.ascending(field), Sorts.ascending("_id"));
    }

    /** The folder and, when asked, all folders below it. */
    Uni<Set<String>> folderScope(String tenant, String folderId, boolean includeSubfolders) {
        return folders.listTenant(tenant).map(all -> {
            if (all.stream().noneMatch(f -> f.id().equals(folderId))) {
                throw ProblemException.notFound("Folder", folderId);
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
                            return Uni.createFrom().failure(ProblemException.staleVersion("Definition " + id
                                    + " was changed by someone else meanwhile; read it again and retry"));
                        }
                        return attempt(tenant, id, null, decide, attempt + 1);
                    }));
        });
    }

    static ProblemException stale(String id, long expected, long actual) {
        return ProblemException.staleVersion(
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
            List<Problem.FieldError> fields = errors.stream().map(e -> new Problem.FieldError(e.field(), e.message()))
                    .toList();
            throw ProblemException.validation("The definition is malformed: " + errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), fields);
        }
        return content.normalized();
    }

    Uni<Void> requireFolder(String tenant, String folderId) {
        if (folderId == null) {
            return Uni.createFrom().voidItem();
        }
        FolderService.folderId("folderId", folderId);
        return folders.find(tenant, folderId).onItem().ifNull()
                .failWith(() -> ProblemException.validation("folderId", "no folder " + folderId + " exists"))
                .replaceWithVoid();
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
