package dev.orchestrion.runner.run.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunCounts;
import dev.orchestrion.runner.model.RunQuery;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.run.model.RunDetails;
import dev.orchestrion.runner.run.model.RunOverview;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.runner.run.repository.StepRepository;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.problem.ProblemException;

/** Reading runs: status (with long polling), result, timeline and search, within the caller's tenant. */
@ApplicationScoped
public class RunQueryService {

    /** What the runner's masking shows in place of a redacted value. */
    static final String MASK = "***";
    /** The keys of a trigger that name it rather than carry its data (docs/node-types.md, "Redacted parameters"). */
    static final Set<String> TRIGGER_NAMING = Set.of("kind", "eventType", "eventId", "caseId", "source", "occurredAt",
            "method", "tick", "missed", "parentRunId", "parentNodeId");

    private final Pool pool;
    private final RunRepository runs;
    private final StepRepository steps;
    private final RunWatchers watchers;
    private final RunnerConfig config;
    private final DefinitionCatalog catalog;

    public RunQueryService(Pool pool, RunRepository runs, StepRepository steps, RunWatchers watchers,
            RunnerConfig config, DefinitionCatalog catalog) {
        this.pool = pool;
        this.runs = runs;
        this.steps = steps;
        this.watchers = watchers;
        this.config = config;
        this.catalog = catalog;
    }

    public Uni<Run> get(String tenant, UUID id) {
        return runs.find(pool, tenant, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Run", id));
    }

    /**
     * The run once it has ended, or as it is when {@code wait} runs out (capped). No thread waits: the request is
     * parked on a future that run events complete.
     */
    public Uni<Run> getWhenEnded(String tenant, UUID id, Duration wait) {
        if (wait == null || wait.isZero() || wait.isNegative()) {
            return get(tenant, id);
        }
        Duration capped = wait.compareTo(config.maxLongPoll()) > 0 ? config.maxLongPoll() : wait;
        RunWatchers.Waiter waiter = watchers.register(id);
        return get(tenant, id).onFailure().invoke(waiter::close).chain(run -> {
            if (run.status.isTerminal()) {
                waiter.close();
                return Uni.createFrom().item(run);
            }
            return waiter.await(capped).chain(() -> get(tenant, id));
        });
    }

    /** One page of the run's timeline; large inputs and outputs are cut down (runner budgets, step-value-shown). */
    public Uni<Page<StepRecord>> steps(String tenant, UUID id, int page, int size) {
        return get(tenant, id).chain(
                run -> steps.findPage(pool, run.id, page, size, config.budgets().stepValueShown().asLongValue()));
    }

    /** One page of the runs matching the search, newest first, without their state and result. */
    public Uni<Page<Run>> search(RunQuery query, int page, int size) {
        return runs.search(pool, query, page, size);
    }

    /** How many runs match the search, by status. */
    public Uni<RunCounts> counts(RunQuery query) {
        return runs.countByStatus(pool, query);
    }

    /**
     * What a run's page shows: the run, its trigger, its wait, each node's outcome and the first {@code stepsSize}
     * steps of its timeline (cut down like {@link #steps}).
     */
    public Uni<RunOverview> overview(String tenant, UUID id, int stepsSize) {
        return runs.findDetails(pool, tenant, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Run", id))
                .chain(details -> shownTrigger(tenant, details).chain(trigger -> steps.nodeOutcomes(pool, id)
                        .chain(nodes -> steps
                                .findPage(pool, id, 0, stepsSize, config.budgets().stepValueShown().asLongValue())
                                .map(page -> new RunOverview(details.run(), trigger, details.waiting(), nodes,
                                        page)))));
    }

    /**
     * The trigger as it may be shown. Its data (an HTTP body, query and path, an event's data) can carry a value the
     * run's definition declares redacted, and so can the request path: for a run that holds redacted values, or whose
     * version cannot be read to tell, those are masked whole. What names the trigger (kind, event type and id,
     * source, times, method, parent run) is always shown.
     */
    private Uni<Map<String, Object>> shownTrigger(String tenant, RunDetails details) {
        Map<String, Object> trigger = details.trigger() == null ? Map.of() : details.trigger();
        if (trigger.keySet().stream().allMatch(TRIGGER_NAMING::contains)) {
            return Uni.createFrom().item(trigger);
        }
        Uni<Boolean> holdsSecrets = details.inheritsSecrets()
                ? Uni.createFrom().item(true)
                : catalog.graph(tenant, details.run().definitionId.toString(), details.run().version)
                        .map(graph -> !graph.redactedParameters().isEmpty()).onFailure().recoverWithItem(true);
        return holdsSecrets.map(secrets -> {
            if (!secrets) {
                return trigger;
            }
            Map<String, Object> shown = new LinkedHashMap<>();
            trigger.forEach((key, value) -> shown.put(key, TRIGGER_NAMING.contains(key) ? value : MASK));
            return shown;
        });
    }
}
