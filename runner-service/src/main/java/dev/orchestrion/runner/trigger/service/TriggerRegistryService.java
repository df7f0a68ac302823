package dev.orchestrion.runner.trigger.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.cache.CacheChannel;
import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.schedule.model.ActiveSchedule;
import dev.orchestrion.runner.schedule.service.ScheduleRegistrations;
import dev.orchestrion.runner.trigger.model.RegisteredTrigger;
import dev.orchestrion.runner.trigger.repository.TriggerRegistryRepository;

/**
 * Keeps the trigger registry from definition events: for each definition its status, the published version it pins
 * and that version's trigger (read once per version from definition-service), and since when it is ACTIVE. Events of
 * one definition are applied in revision order; an event with a revision already applied changes nothing. A change
 * that fails is its consumer's to retry (definition-service or the database unavailable) or dead-letter (anything
 * else), so one poisoned event cannot hold up the registry of every tenant. A change that can alter the tenant's HTTP
 * bindings announces it on the cache channel in its transaction.
 */
@ApplicationScoped
public class TriggerRegistryService {

    private final Pool pool;
    private final TriggerRegistryRepository registry;
    private final DefinitionCatalog catalog;
    private final ScheduleRegistrations schedules;
    private final HttpBindings bindings;

    public TriggerRegistryService(Pool pool, TriggerRegistryRepository registry, DefinitionCatalog catalog,
            ScheduleRegistrations schedules, HttpBindings bindings) {
        this.bindings = bindings;
        this.pool = pool;
        this.registry = registry;
        this.catalog = catalog;
        this.schedules = schedules;
    }

    /** What a definition event says, as far as triggers go. */
    public record DefinitionChange(String type, UUID definitionId, String tenant, String name, String status,
            Integer publishedVersion, long revision, Instant occurredAt) {

        boolean deleted() {
            return type.endsWith(".deleted");
        }
    }

    public Uni<Void> apply(List<DefinitionChange> changes) {
        return Multi.createFrom().iterable(changes).onItem().transformToUniAndConcatenate(this::applyOne).collect()
                .last().replaceWithVoid();
    }

    private Uni<Void> applyOne(DefinitionChange change) {
        return versionOf(change).chain(
                version -> pool.withTransaction(tx -> registry.lock(tx, change.definitionId()).chain(previous -> {
                    if (previous != null && previous.revision() >= change.revision()) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = Instant.now();
                    RegisteredTrigger next = next(change, version, previous, now);
                    return registry.upsert(tx, next).chain(
                            () -> schedules.sync(tx, next.definitionId(), schedule(previous), schedule(next), now))
                            .chain(() -> changesBindings(previous, next)
                                    ? CacheChannel.notify(tx, CacheChannel.BINDINGS, change.tenant())
                                    : Uni.createFrom().voidItem());
                })).invoke(() -> bindings.forget(change.tenant())));
    }

    /** Whether the change can alter the tenant's HTTP bindings (then every instance must forget them). */
    static boolean changesBindings(RegisteredTrigger previous, RegisteredTrigger next) {
        return previous != null && "http".equals(previous.kind()) || "http".equals(next.kind());
    }

    /** The trigger as the schedules see it: an ACTIVE schedule, or null for any other trigger (or none). */
    private static ActiveSchedule schedule(RegisteredTrigger trigger) {
        return trigger != null && trigger.active() && "schedule".equals(trigger.kind())
                ? new ActiveSchedule(trigger.definitionId(), trigger.tenant(), trigger.version(), trigger.trigger())
                : null;
    }

    /** The published version's content, for definitions that can run; null otherwise. */
    private Uni<WorkflowVersion> versionOf(DefinitionChange change) {
        boolean canRun = !change.deleted() && change.publishedVersion() != null
                && ("ACTIVE".equals(change.status()) || "PAUSED".equals(change.status()));
        if (!canRun) {
            return Uni.createFrom().nullItem();
        }
        return catalog.graph(change.tenant(), change.definitionId().toString(), change.publishedVersion())
                .map(graph -> graph.version());
    }

    static RegisteredTrigger next(DefinitionChange change, WorkflowVersion version, RegisteredTrigger previous,
            Instant now) {
        String status = change.deleted() ? RegisteredTrigger.DELETED : change.status();
        JsonNode trigger = version == null ? null : version.trigger();
        String kind = trigger == null ? "api" : trigger.path("kind").asText("api");
        boolean activeNow = "ACTIVE".equals(status) && change.publishedVersion() != null;
        Instant activeSince = null;
        if (activeNow) {
            activeSince = previous != null && previous.active() && previous.activeSince() != null
                    ? previous.activeSince()
                    : change.occurredAt();
        }
        String method = "http".equals(kind) ? trigger.path("method").asText("POST").toUpperCase(Locale.ROOT) : null;
        String path = "http".equals(kind) ? trigger.path("path").asText(null) : null;
        String eventType = "event".equals(kind) ? trigger.path("eventType").asText(null) : null;
        return new RegisteredTrigger(change.definitionId(), change.tenant(),
                version != null && version.name() != null ? version.name() : change.name(), status,
                change.publishedVersion(), change.revision(), kind, eventType, method, path,
                version == null ? null : version.exclusiveGroup(), trigger, activeSince, now);
    }
}
