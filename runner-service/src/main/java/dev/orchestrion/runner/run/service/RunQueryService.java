package dev.orchestrion.runner.run.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunQuery;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.runner.run.repository.StepRepository;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.problem.ProblemException;

/** Reading runs: status (with long polling), result, timeline and search, within the caller's tenant. */
@ApplicationScoped
public class RunQueryService {

    private final Pool pool;
    private final RunRepository runs;
    private final StepRepository steps;
    private final RunWatchers watchers;
    private final RunnerConfig config;

    public RunQueryService(Pool pool, RunRepository runs, StepRepository steps, RunWatchers watchers,
            RunnerConfig config) {
        this.pool = pool;
        this.runs = runs;
        this.steps = steps;
        this.watchers = watchers;
        this.config = config;
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

    public Uni<Page<Run>> search(RunQuery query, int page, int size) {
        return runs.search(pool, query, page, size);
    }
}
