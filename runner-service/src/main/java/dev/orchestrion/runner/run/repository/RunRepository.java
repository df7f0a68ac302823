package dev.orchestrion.runner.run.repository;

import static dev.orchestrion.runner.sql.SqlTimes.instant;
import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunCounts;
import dev.orchestrion.runner.model.RunQuery;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.model.RunText;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.run.model.RunDetails;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.paging.Page;

/** The {@code runs} table, through the reactive SQL client so that checkpoints of a whole batch are one statement. */
@ApplicationScoped
public class RunRepository {

    static final String COLUMNS = "id, tenant, definition_id, version, case_id, parameters_id, environment, status, "
            + "trigger_kind, created_at, started_at, ended_at, result::text AS result, error::text AS error, "
            + "state::text AS state, state_version, parent_run_id, parent_node_id, callback_url";

    /** Inserts a new run; with an idempotency key already used in the tenant, inserts nothing and answers false. */
    public Uni<Boolean> insert(SqlClient client, Run run, String idempotencyKey, String requestHash) {
        return client.preparedQuery("INSERT INTO runs (id, tenant, definition_id, version, case_id, parameters_id, "
                + "environment, status, trigger_kind, created_at, state, state_version, parent_run_id, parent_node_id, "
                + "idempotency_key, request_hash, callback_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                + "$11::text::jsonb, 0, $12, $13, $14, $15, $16) "
                + "ON CONFLICT (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING")
                .execute(Tuple.from(new Object[]{run.id, run.tenant, run.definitionId, run.version, run.caseId,
                        run.parametersId, run.environment, run.status.name(), run.trigger, time(run.createdAt),
                        Json.write(run.state), run.parentRunId, run.parentNodeId, idempotencyKey, requestHash,
                        run.callbackUrl}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** What {@link #insertStarted} did: nothing (the idempotency key was taken), or the run and its outbox row. */
    public record Started(boolean inserted, Long outboxId) {
    }

    /**
     * Inserts a run that has already executed its first stretch, with its steps, timers and outbox records, in one
     * statement (one round trip, one commit). With an idempotency key already used in the tenant, nothing at all is
     * written and the answer says so: the request that lost the race executed nothing that anyone sees.
     */
    public Uni<Started> insertStarted(SqlClient client, Run run, String idempotencyKey, String requestHash,
            List<StepRecord> steps, List<TimerRepository.Timer> timers, List<OutgoingRecord> records) {
        String state = Json.write(run.state);
        run.stateSize = state.length();
        Map<Integer, Map<String, Object>> stepRows = new LinkedHashMap<>();
        for (StepRecord step : steps) { // the last write of a step in the stretch wins, as the upsert would
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", step.seq());
            row.put("node_id", step.nodeId());
            row.put("node_type", step.nodeType());
            row.put("attempt", step.attempt());
            row.put("status", step.status().name());
            row.put("started_at", String.valueOf(step.startedAt()));
            row.put("ended_at", step.endedAt() == null ? null : step.endedAt().toString());
            row.put("inputs", step.inputs());
            row.put("outputs", step.outputs());
            row.put("output", step.output());
            row.put("error", step.error());
            stepRows.put(step.seq(), row);
        }
        List<Map<String, Object>> timerRows = new ArrayList<>(timers.size());
        for (TimerRepository.Timer timer : timers) {
            timerRows.add(Map.of("wait_id", timer.waitId(), "due_at", timer.dueAt().toString()));
        }
        return client.preparedQuery(INSERT_STARTED)
                .execute(Tuple.from(new Object[]{run.id, run.tenant, run.definitionId, run.version, run.caseId,
                        run.parametersId, run.environment, run.status.name(), run.trigger, time(run.createdAt),
                        time(run.startedAt), time(run.endedAt), Json.write(run.result), Json.write(run.error), state,
                        run.parentRunId, run.parentNodeId, idempotencyKey, requestHash, run.callbackUrl,
                        Json.write(new ArrayList<>(stepRows.values())), Json.write(timerRows),
                        records.isEmpty() ? null : Json.write(records)}))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Started(row.getBoolean("inserted"), row.getLong("outbox_id"));
                });
    }

    /** Data-modifying CTEs all run; joining on {@code r} makes them write nothing when the run was not inserted. */
    private static final String INSERT_STARTED = """
            WITH r AS (
              INSERT INTO runs (id, tenant, definition_id, version, case_id, parameters_id, environment, status,
                trigger_kind, created_at, started_at, ended_at, result, error, state, state_version, parent_run_id,
                parent_node_id, idempotency_key, request_hash, callback_url)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb, $14::text::jsonb,
                $15::text::jsonb, 0, $16, $17, $18, $19, $20)
              ON CONFLICT (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
              RETURNING id),
            s AS (
              INSERT INTO run_steps (run_id, seq, node_id, node_type, attempt, status, started_at, ended_at, inputs,
                outputs, output, error)
              SELECT r.id, x.seq, x.node_id, x.node_type, x.attempt, x.status, x.started_at, x.ended_at, x.inputs,
                x.outputs, x.output, x.error
              FROM r, jsonb_to_recordset($21::text::jsonb) AS x(seq int, node_id text, node_type text, attempt int,
                status text, started_at timestamptz, ended_at timestamptz, inputs jsonb, outputs jsonb, output text,
                error jsonb)),
            t AS (
              INSERT INTO run_timers (run_id, wait_id, tenant, due_at)
              SELECT r.id, x.wait_id, $2, x.due_at
              FROM r, jsonb_to_recordset($22::text::jsonb) AS x(wait_id text, due_at timestamptz)),
            o AS (
              INSERT INTO outbox (records) SELECT $23::text::jsonb FROM r WHERE $23::text IS NOT NULL RETURNING id)
            SELECT EXISTS (SELECT 1 FROM r) AS inserted, (SELECT id FROM o) AS outbox_id""";

    public Uni<Run> find(SqlClient client, String tenant, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM runs WHERE id = $1 AND tenant = $2")
                .execute(Tuple.of(id, tenant)).map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    /**
     * The run with what its page shows of its state (trigger, wait, whether it inherited secrets), without reading
     * the rest of the state out; null when the tenant has no such run.
     */
    public Uni<RunDetails> findDetails(SqlClient client, String tenant, UUID id) {
        return client.preparedQuery("SELECT id, tenant, definition_id, version, case_id, parameters_id, environment, "
                + "status, trigger_kind, created_at, started_at, ended_at, result::text AS result, error::text AS error, "
                + "parent_run_id, parent_node_id, callback_url, (state->'trigger')::text AS trigger, "
                + "(state->'waiting')::text AS waiting, state->'inheritedSecrets' IS NOT NULL AS inherits_secrets "
                + "FROM runs WHERE id = $1 AND tenant = $2").execute(Tuple.of(id, tenant)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    Run run = mapListed(row);
                    run.result = Json.readMap(row.getString("result"));
                    run.callbackUrl = row.getString("callback_url");
                    return new RunDetails(run, Json.readMap(row.getString("trigger")),
                            Json.read(row.getString("waiting"), RunState.Wait.class),
                            row.getBoolean("inherits_secrets"));
                });
    }

    /** The run of an idempotency key in the tenant, with the hash of the request that created it. */
    public Uni<IdempotentRun> findByIdempotencyKey(SqlClient client, String tenant, String key) {
        return client.preparedQuery(
                "SELECT " + COLUMNS + ", request_hash FROM runs WHERE tenant = $1 AND " + "idempotency_key = $2")
                .execute(Tuple.of(tenant, key)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new IdempotentRun(map(row), row.getString("request_hash"));
                });
    }

    public record IdempotentRun(Run run, String requestHash) {
    }

    public Uni<List<Run>> findAll(SqlClient client, List<UUID> ids) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM runs WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(RunRepository::mapAll);
    }

    /**
     * Writes the checkpoints of several runs; each only if nobody checkpointed it since it was read.
     *
     * @return the runs whose checkpoint lost to a concurrent writer
     */
    public Uni<List<UUID>> checkpoint(SqlClient client, List<Run> runs) {
        if (runs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Tuple> tuples = new ArrayList<>(runs.size());
        for (Run run : runs) {
            String state = Json.write(run.state);
            run.stateSize = state.length();
            tuples.add(Tuple.from(new Object[]{run.id, run.status.name(), time(run.startedAt), time(run.endedAt),
                    Json.write(run.result), Json.write(run.error), state, run.stateVersion}));
        }
        return client
                .preparedQuery("UPDATE runs SET status = $2, started_at = $3, ended_at = $4, "
                        + "result = $5::text::jsonb, error = $6::text::jsonb, state = $7::text::jsonb, "
                        + "state_version = state_version + 1 WHERE id = $1 AND state_version = $8")
                .executeBatch(tuples).map(rows -> {
                    List<UUID> lost = new ArrayList<>();
                    RowSet<Row> current = rows;
                    for (Run run : runs) {
                        if (current.rowCount() == 0) {
                            lost.add(run.id);
                        } else {
                            run.stateVersion++;
                        }
                        current = current.next();
                    }
                    return lost;
                });
    }

    /**
     * The text a search looks for in a failed run's error (its message, code and failing node), spelled exactly as
     * the trigram index {@code runs_error_search} is (V12), so that the planner uses it.
     */
    static final String ERROR_TEXT = "(coalesce(error->>'message', '') || ' ' || coalesce(error->>'code', '') || ' ' "
            + "|| coalesce(error->>'nodeId', ''))";

    /** What a list shows of a run: no state and no result, which can be large and no list needs. */
    private static final String LISTED_COLUMNS = "r.id, r.tenant, r.definition_id, r.version, r.case_id, "
            + "r.parameters_id, r.environment, r.status, r.trigger_kind, r.created_at, r.started_at, r.ended_at, "
            + "r.error::text AS error, r.parent_run_id, r.parent_node_id";

    /**
     * One page of runs matching the search, newest first (ties by id), without their state and result, with the total
     * that matches. The page's ids come from an index alone (each filter has an index that holds the sort order and
     * the status, V12), and only the page's rows are read, so a deep page costs index entries, not rows.
     */
    public Uni<Page<Run>> search(SqlClient client, RunQuery query, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        String sql = "WITH page AS (SELECT id, created_at FROM runs" + where + " ORDER BY created_at DESC, id LIMIT $"
                + (pageArgs.size() - 1) + " OFFSET $" + pageArgs.size() + ") SELECT " + LISTED_COLUMNS
                + " FROM page JOIN runs r ON r.id = page.id ORDER BY page.created_at DESC, page.id";
        return client.preparedQuery(sql).execute(Tuple.from(pageArgs)).chain(rows -> {
            List<Run> found = new ArrayList<>(rows.size());
            for (Row row : rows) {
                found.add(mapListed(row));
            }
            if (found.isEmpty() && page == 0) {
                return Uni.createFrom().item(new Page<>(found, page, size, 0));
            }
            if (!found.isEmpty() && found.size() < size) {
                // the last page: what it holds and what came before it is all there is
                return Uni.createFrom().item(new Page<>(found, page, size, (long) page * size + found.size()));
            }
            return countByStatus(client, query).map(counts -> new Page<>(found, page, size, counts.total()));
        });
    }

    /** How many runs match the search, by status (every status listed, zero included). */
    public Uni<RunCounts> countByStatus(SqlClient client, RunQuery query) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT status, count(*) AS runs FROM runs" + where(query, args) + " GROUP BY status";
        return client.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            Map<RunStatus, Long> byStatus = new EnumMap<>(RunStatus.class);
            for (Row row : rows) {
                byStatus.put(RunStatus.valueOf(row.getString("status")), row.getLong("runs"));
            }
            return RunCounts.of(byStatus);
        });
    }

    /** The search's conditions, each answered by an index; {@code args} receives their values ($1 is the tenant). */
    private static String where(RunQuery query, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE tenant = $1");
        args.add(query.tenant());
        if (query.definitionId() != null) {
            args.add(query.definitionId());
            where.append(" AND definition_id = $").append(args.size());
        }
        if (query.version() != null) {
            args.add(query.version());
            where.append(" AND version = $").append(args.size());
        }
        if (query.caseId() != null) {
            args.add(query.caseId());
            where.append(" AND case_id = $").append(args.size());
        }
        if (!query.statuses().isEmpty()) {
            args.add(query.statuses().stream().map(RunStatus::name).sorted().toArray(String[]::new));
            where.append(" AND status = ANY($").append(args.size()).append(")");
        }
        if (query.from() != null) {
            args.add(time(query.from()));
            where.append(" AND created_at >= $").append(args.size());
        }
        if (query.to() != null) {
            args.add(time(query.to()));
            where.append(" AND created_at < $").append(args.size());
        }
        RunText text = query.text();
        if (text != null) {
            // every branch has its index, so the planner can combine them (BitmapOr) instead of reading the table
            List<String> branches = new ArrayList<>();
            if (text.isIdPrefix()) {
                args.add(text.idLow());
                int low = args.size();
                args.add(text.idHigh());
                int high = args.size();
                for (String column : List.of("id", "case_id", "definition_id")) {
                    branches.add(column + " BETWEEN $" + low + " AND $" + high);
                }
            }
            args.add(text.containsPattern());
            branches.add("(error IS NOT NULL AND " + ERROR_TEXT + " ILIKE $" + args.size() + ")");
            where.append(" AND (").append(String.join(" OR ", branches)).append(")");
        }
        return where.toString();
    }

    /**
     * Queued runs per tenant: PENDING, except those whose StartRun the executors dead-lettered (nobody will execute
     * them until an operator replays it). Read from the partial index {@code runs_pending}, so its cost follows the
     * queue, not the table.
     */
    public static final String QUEUED_BY_TENANT = "SELECT r.tenant, count(*) AS queued FROM runs r "
            + "WHERE r.status = 'PENDING' AND NOT EXISTS (SELECT 1 FROM dead_letters d "
            + "WHERE d.consumer = 'runner-executors' AND d.status = 'DEAD' "
            + "AND d.record_key = convert_to(r.id::text, 'UTF8')) GROUP BY r.tenant";

    /** See {@link #QUEUED_BY_TENANT}. */
    public Uni<Map<String, Long>> queuedByTenant(SqlClient client) {
        return client.preparedQuery(QUEUED_BY_TENANT).execute().map(rows -> {
            Map<String, Long> queued = new LinkedHashMap<>();
            for (Row row : rows) {
                queued.put(row.getString("tenant"), row.getLong("queued"));
            }
            return queued;
        });
    }

    /** PENDING runs older than {@code before}: their StartRun may have been lost. */
    /**
     * Runs still PENDING since before {@code before}, oldest first, except those whose StartRun the executors
     * dead-lettered: sending it again would only dead-letter it again (an operator replays it after a fix).
     */
    public Uni<List<Run>> findPendingBefore(SqlClient client, Instant before, int limit) {
        return client
                .preparedQuery("SELECT " + COLUMNS + " FROM runs r WHERE status = 'PENDING' AND created_at < $1 "
                        + "AND NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.consumer = 'runner-executors' "
                        + "AND d.status = 'DEAD' AND d.record_key = convert_to(r.id::text, 'UTF8')) "
                        + "ORDER BY created_at LIMIT $2")
                .execute(Tuple.of(time(before), limit)).map(RunRepository::mapAll);
    }

    static List<Run> mapAll(RowSet<Row> rows) {
        List<Run> runs = new ArrayList<>(rows.size());
        for (Row row : rows) {
            runs.add(map(row));
        }
        return runs;
    }

    /** A run as {@link #search} lists it: without state, result and callback. */
    static Run mapListed(Row row) {
        Run run = new Run();
        run.id = row.getUUID("id");
        run.tenant = row.getString("tenant");
        run.definitionId = row.getUUID("definition_id");
        run.version = row.getInteger("version");
        run.caseId = row.getUUID("case_id");
        run.parametersId = row.getUUID("parameters_id");
        run.environment = row.getString("environment");
        run.status = RunStatus.valueOf(row.getString("status"));
        run.trigger = row.getString("trigger_kind");
        run.createdAt = instant(row.getOffsetDateTime("created_at"));
        run.startedAt = instant(row.getOffsetDateTime("started_at"));
        run.endedAt = instant(row.getOffsetDateTime("ended_at"));
        run.error = Json.readMap(row.getString("error"));
        run.parentRunId = row.getUUID("parent_run_id");
        run.parentNodeId = row.getString("parent_node_id");
        return run;
    }

    static Run map(Row row) {
        Run run = mapListed(row);
        run.result = Json.readMap(row.getString("result"));
        String state = row.getString("state");
        run.state = Json.read(state, RunState.class);
        run.stateSize = state == null ? -1 : state.length();
        run.stateVersion = row.getLong("state_version");
        run.callbackUrl = row.getString("callback_url");
        return run;
    }
}
