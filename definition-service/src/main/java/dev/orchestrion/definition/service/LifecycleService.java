package dev.orchestrion.definition.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.graph.NodeTypeCatalog;
import dev.orchestrion.definition.graph.PropertySpec;
import dev.orchestrion.definition.messaging.DefinitionEvents;
import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.DefinitionStatus;
import dev.orchestrion.definition.model.Node;
import dev.orchestrion.definition.model.OutboxEvent;
import dev.orchestrion.definition.model.PublishedVersion;
import dev.orchestrion.definition.model.StoredDefinition;
import dev.orchestrion.definition.repository.DefinitionRepository;
import dev.orchestrion.definition.repository.VersionRepository;
import dev.orchestrion.support.domain.Conflict;

/**
 * The lifecycle: start (publishes version 1, now or at a date), publish (the pending revision becomes the next
 * version), pause, resume and finalize. Illegal moves are 409 naming the current status; incidents block start and
 * publish with 422.
 */
@ApplicationScoped
public class LifecycleService {

    private static final Logger LOG = Logger.getLogger(LifecycleService.class);
    // Ranks set by PUT /priorities are 1..n; a start ranks by time above them all, so it joins last.
    private static final long STARTED_RANK_BASE = 1_000_000_000_000L;

    private final DefinitionService definitions;
    private final DefinitionRepository repository;
    private final VersionRepository versions;

    public LifecycleService(DefinitionService definitions, DefinitionRepository repository,
            VersionRepository versions) {
        this.definitions = definitions;
        this.repository = repository;
        this.versions = versions;
    }

    /** Starts now, or schedules the start when {@code at} lies in the future. */
    public Uni<DefinitionView> start(String tenant, String actor, String id, Instant at, Long expectedRevision) {
        Instant now = DefinitionService.now();
        if (at != null && at.isAfter(now)) {
            return schedule(tenant, actor, id, at, expectedRevision);
        }
        return publishFirst(tenant, actor, id, expectedRevision).chain(definitions::view);
    }

    private Uni<StoredDefinition> publishFirst(String tenant, String actor, String id, Long expectedRevision) {
        PublishedVersion[] version = new PublishedVersion[1];
        return definitions.change(tenant, id, expectedRevision, stored -> {
            requireTransition(stored, DefinitionStatus.ACTIVE, "start");
            return runnableDraft(stored).chain(ready -> {
                Instant now = DefinitionService.now();
                int number = stored.publishedVersion() == null ? 1 : stored.publishedVersion() + 1;
                long rank = STARTED_RANK_BASE + now.toEpochMilli();
                StoredDefinition next = stored.published(DefinitionStatus.ACTIVE, number, ready.connections(), rank,
                        now, actor);
                version[0] = PublishedVersion.of(id, number, now, actor, ready.content(), ready.connections());
                List<OutboxEvent> events = new ArrayList<>();
                events.add(DefinitionEvents.of(DefinitionEvents.STARTED, next, actor, now));
                return definitions.activeOrderWith(tenant, next).map(order -> {
                    events.add(DefinitionEvents.prioritiesChanged(tenant, order, actor, now));
                    return new Change(next, events);
                });
            });
        }).call(next -> versions.insertIfAbsent(tenant, version[0]));
    }

    private Uni<DefinitionView> schedule(String tenant, String actor, String id, Instant at, Long expectedRevision) {
        return definitions.change(tenant, id, expectedRevision, stored -> {
            requireTransition(stored, DefinitionStatus.ACTIVE, "start");
            return runnableDraft(stored).map(ready -> {
                Instant now = DefinitionService.now();
                StoredDefinition next = stored.withScheduledStart(at, now, actor);
                return new Change(next, List.of(DefinitionEvents.of(DefinitionEvents.UPDATED, next, actor, now)));
            });
        }).chain(definitions::view);
    }

    /** Starts the drafts whose scheduled start has come; one that has incidents by then keeps waiting, logged. */
    @Scheduled(every = "${orchestrion.scheduled-start.interval:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> startDueDrafts() {
        return repository.dueScheduledStarts(DefinitionService.now(), 100).onItem()
                .transformToMulti(list -> Multi.createFrom().iterable(list)).onItem()
                .transformToUniAndConcatenate(due -> publishFirst(due.tenant(), "scheduler", due.id(), null).onFailure()
                        .recoverWithItem(failure -> {
                            LOG.warnf("Scheduled start of definition %s failed: %s", due.id(), failure.getMessage());
                            return null;
                        }))
                .collect().asList().replaceWithVoid();
    }

    public Uni<DefinitionView> publish(String tenant, String actor, String id, Long expectedRevision) {
        PublishedVersion[] version = new PublishedVersion[1];
        return definitions.change(tenant, id, expectedRevision, stored -> {
            if (!stored.status().isPublished()) {
                return Uni.createFrom()
                        .failure(new Conflict("Cannot publish definition " + id + ": it is " + stored.status()
                                + "; only an ACTIVE or PAUSED definition has pending revisions"
                                + (stored.status() == DefinitionStatus.DRAFT ? " (start it instead)" : "")));
            }
            if (!stored.pendingRevision()) {
                return Uni.createFrom().failure(new Conflict("Definition " + id + " has no pending revision: version "
                        + stored.publishedVersion() + " is current"));
            }
            return runnableDraft(stored).map(ready -> {
                Instant now = DefinitionService.now();
                int number = stored.publishedVersion() + 1;
                StoredDefinition next = stored.published(stored.status(), number, ready.connections(),
                        stored.priorityRank(), now, actor);
                version[0] = PublishedVersion.of(id, number, now, actor, ready.content(), ready.connections());
                return new Change(next, List.of(DefinitionEvents.of(DefinitionEvents.PUBLISHED, next, actor, now)));
            });
        }).call(next -> versions.insertIfAbsent(tenant, version[0])).chain(definitions::view);
    }

    public Uni<DefinitionView> pause(String tenant, String actor, String id, Long expectedRevision) {
        return move(tenant, actor, id, expectedRevision, DefinitionStatus.PAUSED, "pause", DefinitionEvents.PAUSED);
    }

    public Uni<DefinitionView> resume(String tenant, String actor, String id, Long expectedRevision) {
        return move(tenant, actor, id, expectedRevision, DefinitionStatus.ACTIVE, "resume", DefinitionEvents.RESUMED);
    }

    public Uni<DefinitionView> finalizeDefinition(String tenant, String actor, String id, Long expectedRevision) {
        return move(tenant, actor, id, expectedRevision, DefinitionStatus.FINALIZED, "finalize",
                DefinitionEvents.FINALIZED);
    }

    private Uni<DefinitionView> move(String tenant, String actor, String id, Long expectedRevision,
            DefinitionStatus target, String action, String eventType) {
        return definitions.change(tenant, id, expectedRevision, stored -> {
            requireTransition(stored, target, action);
            Instant now = DefinitionService.now();
            Long rank = target == DefinitionStatus.FINALIZED ? null : stored.priorityRank();
            StoredDefinition next = stored.withStatus(target, rank, now, actor);
            List<OutboxEvent> events = new ArrayList<>();
            events.add(DefinitionEvents.of(eventType, next, actor, now));
            boolean orderChanges = stored.status() == DefinitionStatus.ACTIVE || target == DefinitionStatus.ACTIVE;
            if (!orderChanges) {
                return Uni.createFrom().item(new Change(next, events));
            }
            return definitions.activeOrderWith(tenant, next).map(order -> {
                events.add(DefinitionEvents.prioritiesChanged(tenant, order, actor, now));
                return new Change(next, events);
            });
        }).chain(definitions::view);
    }

    private static void requireTransition(StoredDefinition stored, DefinitionStatus target, String action) {
        if (!stored.status().canMoveTo(target)) {
            throw new Conflict("Cannot " + action + " definition " + stored.id() + ": it is " + stored.status()
                    + (stored.status() == DefinitionStatus.FINALIZED
                            ? " (a finalized workflow never runs again; duplicate it instead)"
                            : ""));
        }
    }

    private record Ready(DefinitionContent content, Map<String, String> connections) {
    }

    /** The draft with the connections it names resolved to ids, or 422 with every incident. */
    private Uni<Ready> runnableDraft(StoredDefinition stored) {
        return definitions.draftOf(stored).chain(draft -> definitions.connectionsByName(stored.tenant())
                .chain(byName -> definitions.incidentsOf(stored.tenant(), draft).map(incidents -> {
                    if (!incidents.isEmpty()) {
                        throw new IncidentsException("Definition " + stored.id() + " has " + incidents.size()
                                + " incident(s); fix them first", incidents);
                    }
                    return new Ready(draft, resolveConnections(draft, byName));
                })));
    }

    static Map<String, String> resolveConnections(DefinitionContent content, Map<String, Connection> byName) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Node node : content.normalized().nodes()) {
            NodeTypeCatalog.find(node.type()).ifPresent(type -> {
                for (PropertySpec spec : type.properties()) {
                    JsonNode value = node.propertiesOrEmpty().get(spec.name());
                    if ("connection".equals(spec.format()) && value != null && value.isTextual()
                            && byName.containsKey(value.asText())) {
                        resolved.put(value.asText(), byName.get(value.asText()).id());
                    }
                }
            });
        }
        return resolved;
    }
}
