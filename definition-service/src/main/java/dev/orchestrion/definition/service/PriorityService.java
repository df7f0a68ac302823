package dev.orchestrion.definition.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.messaging.DefinitionEvents;
import dev.orchestrion.definition.messaging.OutboxRelay;
import dev.orchestrion.definition.model.StoredDefinition;
import dev.orchestrion.definition.repository.DefinitionRepository;
import dev.orchestrion.definition.repository.PriorityRepository;
import dev.orchestrion.support.domain.DomainException;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.Unprocessable;
import dev.orchestrion.support.ids.Ids;
import dev.orchestrion.support.ids.ResourceId;

/**
 * The tenant's priority order of ACTIVE definitions: position 1 is evaluated first and wins where workflows compete
 * (an exclusive group); a newly started definition joins last. Stored as a rank on each definition.
 */
@ApplicationScoped
public class PriorityService {

    private final DefinitionRepository definitions;
    private final DefinitionService definitionService;
    private final PriorityRepository priorities;
    private final OutboxRelay relay;

    public PriorityService(DefinitionRepository definitions, DefinitionService definitionService,
            PriorityRepository priorities, OutboxRelay relay) {
        this.definitions = definitions;
        this.definitionService = definitionService;
        this.priorities = priorities;
        this.relay = relay;
    }

    public Uni<List<StoredDefinition>> order(String tenant) {
        return definitions.activeInPriorityOrder(tenant);
    }

    /**
     * Re-orders: {@code order} lists ACTIVE definitions, position 1 first; ACTIVE ones it leaves out follow in their
     * current order, and PAUSED ones keep their place for when they resume.
     *
     * @param order not null (the request's field rule)
     */
    public Uni<List<StoredDefinition>> reorder(String tenant, String actor, List<String> order) {
        Ids.requireAll("order", ResourceId.Kind.UUID, order);
        Set<String> seen = new HashSet<>();
        for (String id : order) {
            if (id == null || !seen.add(id)) {
                throw Invalid.field("order", "lists " + id + " more than once");
            }
        }
        return definitions.rankedInTenant(tenant).chain(ranked -> {
            Map<String, StoredDefinition> active = ranked.stream()
                    .filter(d -> d.status() == dev.orchestrion.definition.model.DefinitionStatus.ACTIVE)
                    .collect(Collectors.toMap(StoredDefinition::id, Function.identity()));
            List<FieldViolation> unknown = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                if (!active.containsKey(order.get(i))) {
                    unknown.add(new FieldViolation("order[" + i + "]",
                            order.get(i) + " is not an ACTIVE definition of this tenant"));
                }
            }
            if (!unknown.isEmpty()) {
                throw new Unprocessable("Only ACTIVE definitions can be ordered", unknown);
            }
            LinkedHashSet<String> full = new LinkedHashSet<>(order);
            ranked.forEach(d -> full.add(d.id()));
            List<String> ids = new ArrayList<>(full);
            Instant now = DefinitionService.now();
            return Multi.createFrom().range(0, ids.size()).onItem().transformToUniAndConcatenate(i -> {
                long rank = i + 1L;
                String id = ids.get(i);
                return definitionService.change(tenant, id, null, stored -> {
                    if (stored.priorityRank() != null && stored.priorityRank() == rank) {
                        return Uni.createFrom().item(new Change(stored, List.of()));
                    }
                    StoredDefinition next = stored.withRank(rank, now, actor);
                    return Uni.createFrom().item(
                            new Change(next, List.of(DefinitionEvents.of(DefinitionEvents.UPDATED, next, actor, now))));
                }).onFailure(DomainException.class).recoverWithNull();
            }).collect().asList().chain(() -> definitions.activeInPriorityOrder(tenant))
                    .call(result -> priorities
                            .recordOrder(tenant, result.stream().map(StoredDefinition::id).toList(),
                                    DefinitionEvents.prioritiesChanged(tenant,
                                            result.stream().map(StoredDefinition::id).toList(), actor, now))
                            .invoke(() -> relay.relaySoon(PriorityRepository.COLLECTION, tenant)));
        });
    }
}
