package dev.orchestrion.runner.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.mapping.Json;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.model.StepStatus;

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
                    s.status().name(), RunRepository.time(s.startedAt()), RunRepository.time(s.endedAt()),
                    Json.write(s.inputs()), Json.write(s.outputs()), s.output(), Json.write(s.error())}));
        }
        return client.preparedQuery("INSERT INTO run_steps (run_id, seq, node_id, node_type, attempt, status, "
                + "started_at, ended_at, inputs, outputs, output, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                + "$9::text::jsonb, $10::text::jsonb, $11, $12::text::jsonb) ON CONFLICT (run_id, seq) DO UPDATE SET "
                + "status = EXCLUDED.status, ended_at = EXCLUDED.ended_at, "
                + "inputs = COALESCE(EXCLUDED.inputs, run_steps.inputs), outputs = EXCLUDED.outputs, "
                + "output = EXCLUDED.output, error = EXCLUDED.error").executeBatch(tuples).replaceWithVoid();
    }

    public Uni<List<StepRecord>> findByRun(SqlClient client, UUID runId) {
        return client.preparedQuery("SELECT seq, node_id, node_type, attempt, status, started_at, ended_at, "
                + "inputs::text AS inputs, outputs::text AS outputs, output, error::text AS error FROM run_steps "
                + "WHERE run_id = $1 ORDER BY seq").execute(Tuple.of(runId)).map(rows -> {
                    List<StepRecord> steps = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        steps.add(map(row));
                    }
                    return steps;
                });
    }

    private static StepRecord map(Row row) {
        Map<String, Object> inputs = Json.readMap(row.getString("inputs"));
        return new StepRecord(row.getInteger("seq"), row.getString("node_id"), row.getString("node_type"),
                row.getInteger("attempt"), StepStatus.valueOf(row.getString("status")),
                RunRepository.instant(row.getOffsetDateTime("started_at")),
                RunRepository.instant(row.getOffsetDateTime("ended_at")), inputs,
                Json.readMap(row.getString("outputs")), row.getString("output"), Json.readMap(row.getString("error")));
    }
}
