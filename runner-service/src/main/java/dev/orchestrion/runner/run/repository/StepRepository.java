package dev.orchestrion.runner.run.repository;

import static dev.orchestrion.runner.sql.SqlTimes.instant;
import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.model.StepStatus;
import dev.orchestrion.runner.run.model.NodeOutcome;
import dev.orchestrion.support.paging.Page;

/** The {@code run_steps} table: the timeline of every run. */
@ApplicationScoped
public class StepRepository {

    /** A step of a run, for batched writes. */
    public record RunStep(UUID runId, StepRecord step) {
    }

    /** Inserts steps, or ends those already written when they started (keeping their inputs). */
    public Uni<Void> upsert(SqlClient client, List<RunStep> steps) {
        if (steps.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> tuples = new ArrayList<>(steps.size());
        for (RunStep runStep : steps) {
            StepRecord s = runStep.step();
            tuples.add(Tuple.from(new Object[]{runStep.runId(), s.seq(), s.nodeId(), s.nodeType(), s.attempt(),
                    s.status().name(), time(s.startedAt()), time(s.endedAt()), Json.write(s.inputs()),
                    Json.write(s.outputs()), s.output(), Json.write(s.error())}));
        }
        return client.preparedQuery("INSERT INTO run_steps (run_id, seq, node_id, node_type, attempt, status, "
                + "started_at, ended_at, inputs, outputs, output, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                + "$9::text::jsonb, $10::text::jsonb, $11, $12::text::jsonb) ON CONFLICT (run_id, seq) DO UPDATE SET "
                + "status = EXCLUDED.status, ended_at = EXCLUDED.ended_at, "
                + "inputs = COALESCE(EXCLUDED.inputs, run_steps.inputs), outputs = EXCLUDED.outputs, "
                + "output = EXCLUDED.output, error = EXCLUDED.error").executeBatch(tuples).replaceWithVoid();
    }

    /**
     * One page of a run's timeline, oldest first, with the number of steps it has. Inputs and outputs larger than
     * {@code shownLimit} bytes as JSON are cut down in the database, so large values never travel: each top-level
     * value over the limit becomes {@code {"truncated": true, "size": <bytes>}}, and if what is left is still over
     * the limit the whole field becomes such a marker.
     */
    public Uni<Page<StepRecord>> findPage(SqlClient client, UUID runId, int page, int size, long shownLimit) {
        String sql = "SELECT seq, node_id, node_type, attempt, status, started_at, ended_at, " + shown("inputs") + ", "
                + shown("outputs") + ", output, error::text AS error, count(*) OVER () AS total FROM run_steps "
                + "WHERE run_id = $1 ORDER BY seq LIMIT $2 OFFSET $3";
        return client.preparedQuery(sql).execute(Tuple.of(runId, size, (long) page * size, shownLimit)).chain(rows -> {
            List<StepRecord> steps = new ArrayList<>(rows.size());
            for (Row row : rows) {
                steps.add(map(row));
            }
            if (!steps.isEmpty() || page == 0) {
                long total = steps.isEmpty() ? 0 : rows.iterator().next().getLong("total");
                return Uni.createFrom().item(new Page<>(steps, page, size, total));
            }
            // past the last page: the window function saw no row, so count separately
            return client.preparedQuery("SELECT count(*) AS total FROM run_steps WHERE run_id = $1")
                    .execute(Tuple.of(runId))
                    .map(count -> new Page<>(steps, page, size, count.iterator().next().getLong("total")));
        });
    }

    /** What became of each node the run executed, in the order the run first reached them. */
    public Uni<List<NodeOutcome>> nodeOutcomes(SqlClient client, UUID runId) {
        return client.preparedQuery("SELECT node_id, max(node_type) AS node_type, "
                + "(array_agg(status ORDER BY seq DESC))[1] AS status, count(*) AS executions, "
                + "count(*) FILTER (WHERE status = 'FAILED') AS failures, min(started_at) AS first_started_at, "
                + "max(ended_at) AS last_ended_at, min(seq) AS first_seq FROM run_steps WHERE run_id = $1 "
                + "GROUP BY node_id ORDER BY first_seq").execute(Tuple.of(runId)).map(rows -> {
                    List<NodeOutcome> outcomes = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        outcomes.add(new NodeOutcome(row.getString("node_id"), row.getString("node_type"),
                                StepStatus.valueOf(row.getString("status")), row.getLong("executions").intValue(),
                                row.getLong("failures").intValue(), instant(row.getOffsetDateTime("first_started_at")),
                                instant(row.getOffsetDateTime("last_ended_at"))));
                    }
                    return outcomes;
                });
    }

    /** The column as JSON text, cut down to {@code $4} bytes as {@link #findPage} describes. */
    private static String shown(String column) {
        String marker = "jsonb_build_object('truncated', true, 'size', octet_length(%s::text))";
        return ("CASE WHEN octet_length(%1$s::text) <= $4::bigint THEN %1$s::text ELSE (SELECT CASE WHEN "
                + "octet_length(cut::text) <= $4::bigint THEN cut::text ELSE " + marker.formatted("%1$s")
                + "::text END "
                + "FROM (SELECT jsonb_object_agg(key, CASE WHEN octet_length(value::text) > $4::bigint THEN "
                + marker.formatted("value") + " ELSE value END) AS cut FROM jsonb_each(%1$s)) entries) END AS %1$s")
                .formatted(column);
    }

    private static StepRecord map(Row row) {
        Map<String, Object> inputs = Json.readMap(row.getString("inputs"));
        return new StepRecord(row.getInteger("seq"), row.getString("node_id"), row.getString("node_type"),
                row.getInteger("attempt"), StepStatus.valueOf(row.getString("status")),
                instant(row.getOffsetDateTime("started_at")), instant(row.getOffsetDateTime("ended_at")), inputs,
                Json.readMap(row.getString("outputs")), row.getString("output"), Json.readMap(row.getString("error")));
    }
}
