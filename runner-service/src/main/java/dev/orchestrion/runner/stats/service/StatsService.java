package dev.orchestrion.runner.stats.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.background.ShuttingDown;
import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.stats.model.DefinitionStats;
import dev.orchestrion.runner.stats.model.FailureGroup;
import dev.orchestrion.runner.stats.model.RunEventForStats;
import dev.orchestrion.runner.stats.model.StatsScope;
import dev.orchestrion.runner.stats.repository.StatsRepository;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Live statistics of definitions: applies run events to the statistics tables (each event once: its id is recorded
 * in the same transaction) and answers what they hold for a definition, for any status of the definition (active,
 * paused, finalized): they come from the runs' events, not from the definition.
 */
@ApplicationScoped
public class StatsService {

    /** The windows statistics can be asked for. */
    public enum Window {

        ALL(null), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

        final Duration length;

        Window(Duration length) {
            this.length = length;
        }
    }

    private final Pool pool;
    private final StatsRepository stats;
    private final DefinitionCatalog catalog;

    public StatsService(Pool pool, StatsRepository stats, DefinitionCatalog catalog) {
        this.pool = pool;
        this.stats = stats;
        this.catalog = catalog;
    }

    /** Applies a batch of run events (in their order); retried until it succeeds, so no event is skipped. */
    public Uni<Void> apply(List<RunEventForStats> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(tx -> stats
                .markApplied(tx, events.stream().map(RunEventForStats::recordId).distinct().toList(), Instant.now())
                .chain(fresh -> {
                    List<RunEventForStats> toApply = new ArrayList<>();
                    Set<UUID> applying = new HashSet<>();
                    for (RunEventForStats event : events) {
                        if (fresh.contains(event.recordId()) && applying.add(event.eventId())) {
                            toApply.add(event);
                        }
                    }
                    if (toApply.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Set<UUID> runIds = new HashSet<>();
                    toApply.forEach(e -> runIds.add(e.runId()));
                    return stats.lockRuns(tx, runIds).chain(known -> {
                        StatsProjection.Result result = StatsProjection.apply(known, toApply);
                        return stats.upsertRuns(tx, result.runs())
                                .chain(() -> stats.addNodeCounts(tx, result.nodeCounts()));
                    });
                }));
    }

    public Uni<DefinitionStats> of(String tenant, UUID definitionId, Integer version, Window window) {
        Instant now = Instant.now();
        Instant since = window.length == null ? null : now.minus(window.length);
        StatsScope scope = new StatsScope(tenant, definitionId, version, since);
        return stats.runTotals(pool, scope).chain(runs -> stats.nodeTotals(pool, scope).chain(nodes -> {
            DefinitionStats counted = new DefinitionStats(definitionId, version, window.name().toLowerCase(), since,
                    now, runs, nodes);
            if (runs.seen() > 0 || !nodes.isEmpty()) {
                return Uni.createFrom().item(counted);
            }
            // Nothing ran (in this window): the definition must at least exist.
            return catalog.definition(tenant, definitionId.toString()).map(definition -> {
                if (definition == null) {
                    throw ProblemException.notFound("Workflow definition", definitionId);
                }
                return counted;
            });
        }));
    }

    /** The definition's failed runs grouped by failing node and code (its open incidents); 404 for no definition. */
    public Uni<List<FailureGroup>> failures(String tenant, UUID definitionId, Integer version) {
        return stats.failures(pool, new StatsScope(tenant, definitionId, version, null)).chain(groups -> {
            if (!groups.isEmpty()) {
                return Uni.createFrom().item(groups);
            }
            return catalog.definition(tenant, definitionId.toString()).map(definition -> {
                if (definition == null) {
                    throw ProblemException.notFound("Workflow definition", definitionId);
                }
                return groups;
            });
        });
    }

    @Scheduled(skipExecutionIf = ShuttingDown.class, every = "1h", delayed = "3m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeApplied() {
        return stats.purgeAppliedBefore(pool, Instant.now().minus(Duration.ofDays(1))).onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
