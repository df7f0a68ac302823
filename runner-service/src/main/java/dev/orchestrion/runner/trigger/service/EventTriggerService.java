package dev.orchestrion.runner.trigger.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.background.ShuttingDown;
import dev.orchestrion.runner.client.CaseDirectory;
import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.engine.expression.ExpressionException;
import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunOrder;
import dev.orchestrion.runner.run.service.RunRequestService;
import dev.orchestrion.runner.run.service.SystemCases;
import dev.orchestrion.runner.trigger.model.RegisteredTrigger;
import dev.orchestrion.runner.trigger.model.TriggeringEvent;
import dev.orchestrion.runner.trigger.repository.TriggerRegistryRepository;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Starts the runs an event triggers: the ACTIVE definitions whose trigger is this event type (and that were ACTIVE
 * when it happened) and whose filter holds, in the tenant's priority order, only the highest-priority one of each
 * exclusive group. Each run's idempotency key is derived from the event id and the definition, and the event is
 * recorded once handled, so an event consumed twice starts nothing twice. A run that cannot start for a reason that
 * will not change (definition paused meanwhile, case erased, parameters missing) is logged and skipped; any other
 * failure is the consumer's to retry (a peer or the database unavailable) or dead-letter (the event's own fault).
 */
@ApplicationScoped
public class EventTriggerService {

    private static final Logger LOG = Logger.getLogger(EventTriggerService.class);

    private final Pool pool;
    private final TriggerRegistryRepository registry;
    private final DefinitionCatalog catalog;
    private final CaseDirectory cases;
    private final SystemCases systemCases;
    private final RunRequestService requests;
    private final TriggerFilters filters;

    public EventTriggerService(Pool pool, TriggerRegistryRepository registry, DefinitionCatalog catalog,
            CaseDirectory cases, SystemCases systemCases, RunRequestService requests, Expressions expressions) {
        this.pool = pool;
        this.registry = registry;
        this.catalog = catalog;
        this.cases = cases;
        this.systemCases = systemCases;
        this.requests = requests;
        this.filters = new TriggerFilters(expressions);
    }

    /** Handles a batch of events in order; completes when every one is handled (or dead-lettered). */
    public Uni<Void> handle(List<TriggeringEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> tenants = new HashSet<>();
        events.forEach(e -> tenants.add(e.tenant()));
        return registry.activeEventTriggers(pool, tenants).chain(triggers -> {
            Map<String, List<RegisteredTrigger>> byTenantAndType = new HashMap<>();
            for (RegisteredTrigger t : triggers) {
                byTenantAndType.computeIfAbsent(t.tenant() + "\n" + t.eventType(), k -> new ArrayList<>()).add(t);
            }
            return Multi.createFrom().iterable(events).onItem()
                    .transformToUniAndConcatenate(event -> handleOne(event,
                            byTenantAndType.getOrDefault(event.tenant() + "\n" + event.eventType(), List.of())))
                    .collect().last().replaceWithVoid();
        });
    }

    private Uni<Void> handleOne(TriggeringEvent event, List<RegisteredTrigger> registered) {
        List<RegisteredTrigger> candidates = registered.stream()
                .filter(t -> t.activeSince() == null || !event.occurredAt().isBefore(t.activeSince())).toList();
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return registry.seen(pool, event.eventId())
                .chain(seen -> seen
                        ? Uni.createFrom().voidItem()
                        : trigger(event, candidates)
                                .chain(() -> registry.markSeen(pool, event.eventId(), event.tenant(), Instant.now())));
    }

    private Uni<Void> trigger(TriggeringEvent event, List<RegisteredTrigger> candidates) {
        Map<String, Object> trigger = triggerData(event);
        boolean needsCase = event.caseId() != null
                && candidates.stream().anyMatch(t -> TriggerFilters.readsCase(t.filter()));
        Uni<Map<String, Object>> caseData = needsCase
                ? cases.data(event.tenant(), event.caseId().toString())
                : Uni.createFrom().item(Map.of());
        return caseData.chain(caseFields -> {
            Instant now = Instant.now();
            List<RegisteredTrigger> matching = new ArrayList<>();
            for (RegisteredTrigger candidate : candidates) {
                try {
                    Map<String, Object> seenAs = new LinkedHashMap<>(trigger);
                    seenAs.put("kind", "event");
                    if (filters.matches(candidate.filter(), seenAs, caseFields, now)) {
                        matching.add(candidate);
                    }
                } catch (ExpressionException e) {
                    LOG.warnf("The trigger filter of definition %s failed on event %s: %s", candidate.definitionId(),
                            event.eventId(), e.getMessage());
                }
            }
            if (matching.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<List<String>> order = matching.size() == 1
                    ? Uni.createFrom().item(List.of())
                    : catalog.priorities(event.tenant()).map(p -> p.definitionIds());
            return order.chain(priorities -> Multi.createFrom().iterable(TriggerSelection.select(matching, priorities))
                    .onItem().transformToUniAndConcatenate(selected -> start(event, selected, trigger)).collect().last()
                    .replaceWithVoid());
        });
    }

    private Uni<Run> start(TriggeringEvent event, RegisteredTrigger selected, Map<String, Object> trigger) {
        Uni<UUID> caseId = event.caseId() != null
                ? Uni.createFrom().item(event.caseId())
                : systemCases.caseFor(event.tenant(), selected.definitionId());
        return caseId
                .chain(id -> requests.start(event.tenant(),
                        RunOrder.of(selected.definitionId().toString(), id, "production"),
                        new RunRequestService.StartOptions("event", Map.of(), trigger, null, null),
                        "event:" + event.eventId() + ":" + selected.definitionId()))
                .onFailure(EventTriggerService::wontChange).recoverWithItem(e -> {
                    LOG.infof("Event %s does not start definition %s: %s", event.eventId(), selected.definitionId(),
                            e.getMessage());
                    return null;
                });
    }

    /** A refusal that a retry would meet again (4xx), as opposed to a peer or database outage. */
    static boolean wontChange(Throwable e) {
        return e instanceof ProblemException problem && problem.status() >= 400 && problem.status() < 500;
    }

    static Map<String, Object> triggerData(TriggeringEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventType", event.eventType());
        data.put("eventId", event.eventId().toString());
        if (event.caseId() != null) {
            data.put("caseId", event.caseId().toString());
        }
        if (event.source() != null) {
            data.put("source", event.source());
        }
        data.put("occurredAt", event.occurredAt().toString());
        data.put("data", event.data());
        return data;
    }

    @Scheduled(skipExecutionIf = ShuttingDown.class, every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeSeen() {
        return registry.purgeSeenBefore(pool, Instant.now().minus(Duration.ofDays(7))).onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
