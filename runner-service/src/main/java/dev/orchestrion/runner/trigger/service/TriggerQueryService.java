package dev.orchestrion.runner.trigger.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.schedule.repository.ScheduleRepository;
import dev.orchestrion.runner.trigger.model.RegisteredTrigger;
import dev.orchestrion.runner.trigger.model.TriggerOverview;
import dev.orchestrion.runner.trigger.repository.TriggerRegistryRepository;
import dev.orchestrion.support.problem.ProblemException;

/** What the trigger registry holds for a tenant: which definitions start on events, schedules and HTTP calls. */
@ApplicationScoped
public class TriggerQueryService {

    private final Pool pool;
    private final TriggerRegistryRepository registry;
    private final ScheduleRepository schedules;

    public TriggerQueryService(Pool pool, TriggerRegistryRepository registry, ScheduleRepository schedules) {
        this.pool = pool;
        this.registry = registry;
        this.schedules = schedules;
    }

    public Uni<List<TriggerOverview>> list(String tenant) {
        return registry.listInTenant(pool, tenant)
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().item(List.of())
                        : Multi.createFrom().iterable(found).onItem().transformToUniAndConcatenate(t -> overview(t, 0))
                                .collect().asList());
    }

    public Uni<TriggerOverview> get(String tenant, UUID definitionId) {
        return registry.listInTenant(pool, tenant)
                .map(found -> found.stream().filter(t -> t.definitionId().equals(definitionId)).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("Trigger of definition", definitionId)))
                .chain(t -> overview(t, 50));
    }

    /** The trigger, with a schedule's next tick and, when {@code firings} is above 0, that many latest firings. */
    private Uni<TriggerOverview> overview(RegisteredTrigger t, int firings) {
        if (!"schedule".equals(t.kind())) {
            return Uni.createFrom().item(new TriggerOverview(t, null, null));
        }
        return schedules.nextFireAt(pool, t.definitionId())
                .chain(next -> firings == 0
                        ? Uni.createFrom().item(new TriggerOverview(t, next, null))
                        : schedules.firings(pool, t.tenant(), t.definitionId(), firings)
                                .map(list -> new TriggerOverview(t, next, list)));
    }
}
