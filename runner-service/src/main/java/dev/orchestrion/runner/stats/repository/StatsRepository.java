package dev.orchestrion.runner.stats.repository;

import static dev.orchestrion.runner.sql.SqlTimes.instant;
import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.stats.model.FailureGroup;
import dev.orchestrion.runner.stats.model.NodeCount;
import dev.orchestrion.runner.stats.model.NodeTotals;
import dev.orchestrion.runner.stats.model.RunStats;
import dev.orchestrion.runner.stats.model.RunTotals;
import dev.orchestrion.runner.stats.model.StatsScope;

/** The statistics tables: {@code stats_runs}, {@code stats_node_counts} and {@code stats_applied_events}. */
@ApplicationScoped
public class StatsRepository {

    private static final String RUN_COLUMNS = "run_id, tenant, definition_id, version, status, status_at, status_rank, "
            + "waiting_node, started_at, ended_at, first_seen_at";

    /** Records the event ids as applied; answers those that were not applied before. */
    public Uni<Set<UUID>> markApplied(SqlClient client, List<UUID> eventIds, Instant now) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return client
                .preparedQuery("INSERT INTO stats_applied_events (event_id, applied_at) "
                        + "SELECT unnest($1::uuid[]), $2 ON CONFLICT (event_id) DO NOTHING RETURNING event_id")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new), time(now))).map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getUUID("event_id"));
                    }
                    return fresh;
                });
    }

    /** The runs' current statistics rows, locked until the transaction ends. */
    public Uni<Map<UUID, RunStats>> lockRuns(SqlClient client, Set<UUID> runIds) {
        return client.preparedQuery("SELECT " + RUN_COLUMNS + " FROM stats_runs WHERE run_id = ANY($1) FOR UPDATE")
                .execute(Tuple.of(runIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, RunStats> found = new HashMap<>();
                    for (Row row : rows) {
                        RunStats run = map(row);
                        found.put(run.runId(), run);
                    }
                    return found;
                });
    }

    /** Writes the runs' statistics rows in one statement (one row per run: the projection merged each run's events). */
    public Uni<Void> upsertRuns(SqlClient client, List<RunStats> runs) {
        if (runs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = runs.size();
        UUID[] ids = new UUID[n];
        String[] tenants = new String[n];
        UUID[] definitions = new UUID[n];
        Integer[] versions = new Integer[n];
        String[] statuses = new String[n];
        OffsetDateTime[] statusAt = new OffsetDateTime[n];
        Short[] ranks = new Short[n];
        String[] waiting = new String[n];
        OffsetDateTime[] started = new OffsetDateTime[n];
        OffsetDateTime[] ended = new OffsetDateTime[n];
        OffsetDateTime[] firstSeen = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            RunStats r = runs.get(i);
            ids[i] = r.runId();
            tenants[i] = r.tenant();
            definitions[i] = r.definitionId();
            versions[i] = r.version();
            statuses[i] = r.status();
            statusAt[i] = time(r.statusAt());
            ranks[i] = (short) r.statusRank();
            waiting[i] = r.waitingNode();
            started[i] = time(r.startedAt());
            ended[i] = time(r.endedAt());
            firstSeen[i] = time(r.firstSeenAt());
        }
        return client
                .preparedQuery("INSERT INTO stats_runs (" + RUN_COLUMNS + ") SELECT * FROM unnest($1::uuid[], "
                        + "$2::varchar[], $3::uuid[], $4::int[], $5::varchar[], $6::timestamptz[], $7::smallint[], "
                        + "$8::varchar[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[]) "
                        + "ON CONFLICT (run_id) DO UPDATE SET status = EXCLUDED.status, "
                        + "status_at = EXCLUDED.status_at, status_rank = EXCLUDED.status_rank, "
                        + "waiting_node = EXCLUDED.waiting_node, started_at = EXCLUDED.started_at, "
                        + "ended_at = EXCLUDED.ended_at, first_seen_at = EXCLUDED.first_seen_at")
                .execute(Tuple.from(new Object[]{ids, tenants, definitions, versions, statuses, statusAt, ranks,
                        waiting, started, ended, firstSeen}))
                .replaceWithVoid();
    }

    /**
     * Adds node counts in one statement, in the order given (which the caller keeps stable so that concurrent writers
     * never deadlock); each key appears once.
     */
    public Uni<Void> addNodeCounts(SqlClient client, List<NodeCount> counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = counts.size();
        String[] tenants = new String[n];
        UUID[] definitions = new UUID[n];
        Integer[] versions = new Integer[n];
        String[] nodes = new String[n];
        OffsetDateTime[] minutes = new OffsetDateTime[n];
        String[] types = new String[n];
        Long[] entered = new Long[n];
        Long[] completed = new Long[n];
        Long[] failed = new Long[n];
        for (int i = 0; i < n; i++) {
            NodeCount c = counts.get(i);
            tenants[i] = c.tenant();
            definitions[i] = c.definitionId();
            versions[i] = c.version();
            nodes[i] = c.nodeId();
            minutes[i] = time(c.minute());
            types[i] = c.nodeType();
            entered[i] = c.entered();
            completed[i] = c.completed();
            failed[i] = c.failed();
        }
        return client.preparedQuery("INSERT INTO stats_node_counts (tenant, definition_id, version, node_id, minute, "
                + "node_type, entered, completed, failed) SELECT t, d, v, n, m, ty, e, c, f FROM unnest($1::varchar[], "
                + "$2::uuid[], $3::int[], $4::varchar[], $5::timestamptz[], $6::varchar[], $7::bigint[], $8::bigint[], "
                + "$9::bigint[]) WITH ORDINALITY AS i(t, d, v, n, m, ty, e, c, f, o) ORDER BY o "
                + "ON CONFLICT (tenant, definition_id, version, node_id, minute) DO UPDATE SET "
                + "entered = stats_node_counts.entered + EXCLUDED.entered, "
                + "completed = stats_node_counts.completed + EXCLUDED.completed, "
                + "failed = stats_node_counts.failed + EXCLUDED.failed")
                .execute(Tuple.from(new Object[]{tenants, definitions, versions, nodes, minutes, types, entered,
                        completed, failed}))
                .replaceWithVoid();
    }

    public Uni<Integer> purgeAppliedBefore(SqlClient client, Instant before) {
        return client.preparedQuery("DELETE FROM stats_applied_events WHERE applied_at < $1")
                .execute(Tuple.of(time(before))).map(RowSet::rowCount);
    }

    public Uni<RunTotals> runTotals(SqlClient client, StatsScope scope) {
        List<Object> args = new ArrayList<>();
        String where = where(scope, args, "first_seen_at");
        String duration = "EXTRACT(EPOCH FROM (ended_at - started_at)) * 1000";
        String ended = "status IN ('COMPLETED', 'FAILED', 'CANCELLED') AND started_at IS NOT NULL "
                + "AND ended_at IS NOT NULL";
        String sql = "SELECT count(*) AS seen, count(*) FILTER (WHERE started_at IS NOT NULL) AS started, "
                + "count(*) FILTER (WHERE status = 'RUNNING') AS running, "
                + "count(*) FILTER (WHERE status = 'WAITING') AS waiting, "
                + "count(*) FILTER (WHERE status = 'COMPLETED') AS completed, "
                + "count(*) FILTER (WHERE status = 'FAILED') AS failed, "
                + "count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled, " + "count(*) FILTER (WHERE " + ended
                + ") AS ended, " + "avg(" + duration + ") FILTER (WHERE " + ended + ")::float8 AS mean_ms, "
                + "percentile_cont(0.95) WITHIN GROUP (ORDER BY " + duration + ") FILTER (WHERE " + ended
                + ")::float8 AS p95_ms FROM stats_runs" + where;
        return client.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            Row row = rows.iterator().next();
            return new RunTotals(row.getLong("seen"), row.getLong("started"), row.getLong("running"),
                    row.getLong("waiting"), row.getLong("completed"), row.getLong("failed"), row.getLong("cancelled"),
                    row.getLong("ended"), row.getDouble("mean_ms"), row.getDouble("p95_ms"));
        });
    }

    public Uni<List<NodeTotals>> nodeTotals(SqlClient client, StatsScope scope) {
        List<Object> countArgs = new ArrayList<>();
        String countWhere = where(new StatsScope(scope.tenant(), scope.definitionId(), scope.version(),
                scope.since() == null ? null : scope.since().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)),
                countArgs, "minute");
        List<Object> waitArgs = new ArrayList<>();
        String waitWhere = where(new StatsScope(scope.tenant(), scope.definitionId(), scope.version(), null), waitArgs,
                null);
        return client
                .preparedQuery("SELECT node_id, max(node_type) AS node_type, sum(entered)::bigint AS entered, "
                        + "sum(completed)::bigint AS completed, sum(failed)::bigint AS failed FROM stats_node_counts"
                        + countWhere + " GROUP BY node_id ORDER BY node_id")
                .execute(Tuple.from(countArgs))
                .chain(counted -> client
                        .preparedQuery("SELECT waiting_node, count(*) AS waiting FROM stats_runs" + waitWhere
                                + " AND status = 'WAITING' AND waiting_node IS NOT NULL GROUP BY waiting_node")
                        .execute(Tuple.from(waitArgs)).map(waiting -> {
                            Map<String, Long> waitingByNode = new HashMap<>();
                            for (Row row : waiting) {
                                waitingByNode.put(row.getString("waiting_node"), row.getLong("waiting"));
                            }
                            List<NodeTotals> totals = new ArrayList<>();
                            Set<String> listed = new HashSet<>();
                            for (Row row : counted) {
                                String node = row.getString("node_id");
                                listed.add(node);
                                totals.add(new NodeTotals(node, row.getString("node_type"), row.getLong("entered"),
                                        row.getLong("completed"), row.getLong("failed"),
                                        waitingByNode.getOrDefault(node, 0L)));
                            }
                            waitingByNode.forEach((node, count) -> {
                                if (!listed.contains(node)) {
                                    totals.add(new NodeTotals(node, null, 0, 0, 0, count));
                                }
                            });
                            return totals;
                        }));
    }

    /**
     * The definition's runs that are FAILED now, grouped by failing node and error code, the largest group of each
     * node first. Read from the runs themselves (a retry takes a run out at once); the index on (tenant, definition,
     * created_at) holds each run's status, so only failed runs are read.
     */
    public Uni<List<FailureGroup>> failures(SqlClient client, StatsScope scope) {
        List<Object> args = new ArrayList<>();
        String where = where(new StatsScope(scope.tenant(), scope.definitionId(), scope.version(), null), args, null);
        return client
                .preparedQuery("SELECT error->>'nodeId' AS node_id, max(error->>'nodeType') AS node_type, "
                        + "error->>'code' AS code, count(*) AS runs, "
                        + "(array_agg(error->>'message' ORDER BY ended_at DESC NULLS LAST, id))[1] AS last_message, "
                        + "(array_agg(id ORDER BY ended_at DESC NULLS LAST, id))[1] AS last_run_id, "
                        + "max(ended_at) AS last_failed_at FROM runs" + where + " AND status = 'FAILED' "
                        + "GROUP BY error->>'nodeId', error->>'code' ORDER BY node_id NULLS LAST, runs DESC, code")
                .execute(Tuple.from(args)).map(rows -> {
                    List<FailureGroup> groups = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        groups.add(new FailureGroup(row.getString("node_id"), row.getString("node_type"),
                                row.getString("code"), row.getLong("runs"), row.getString("last_message"),
                                row.getUUID("last_run_id"), instant(row.getOffsetDateTime("last_failed_at"))));
                    }
                    return groups;
                });
    }

    private static String where(StatsScope scope, List<Object> args, String timeColumn) {
        StringBuilder where = new StringBuilder(" WHERE tenant = $1 AND definition_id = $2");
        args.add(scope.tenant());
        args.add(scope.definitionId());
        if (scope.version() != null) {
            args.add(scope.version());
            where.append(" AND version = $").append(args.size());
        }
        if (scope.since() != null && timeColumn != null) {
            args.add(time(scope.since()));
            where.append(" AND ").append(timeColumn).append(" >= $").append(args.size());
        }
        return where.toString();
    }

    private static RunStats map(Row row) {
        return new RunStats(row.getUUID("run_id"), row.getString("tenant"), row.getUUID("definition_id"),
                row.getInteger("version"), row.getString("status"), instant(row.getOffsetDateTime("status_at")),
                row.getShort("status_rank"), row.getString("waiting_node"),
                instant(row.getOffsetDateTime("started_at")), instant(row.getOffsetDateTime("ended_at")),
                instant(row.getOffsetDateTime("first_seen_at")));
    }
}
