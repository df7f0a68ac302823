package dev.orchestrion.runner.run.repository;

import static dev.orchestrion.runner.sql.SqlTimes.instant;
import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The {@code run_timers} table: durable timers of parked runs. */
@ApplicationScoped
public class TimerRepository {

    public record Timer(UUID runId, String waitId, String tenant, Instant dueAt) {
    }

    public record TimerKey(UUID runId, String waitId) {
    }

    public Uni<Void> add(SqlClient client, List<Timer> timers) {
        if (timers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> tuples = new ArrayList<>(timers.size());
        for (Timer t : timers) {
            tuples.add(Tuple.of(t.runId(), t.waitId(), t.tenant(), time(t.dueAt())));
        }
        return client
                .preparedQuery("INSERT INTO run_timers (run_id, wait_id, tenant, due_at) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (run_id, wait_id) DO UPDATE SET due_at = EXCLUDED.due_at")
                .executeBatch(tuples).replaceWithVoid();
    }

    public Uni<Void> remove(SqlClient client, List<TimerKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> tuples = new ArrayList<>(keys.size());
        for (TimerKey k : keys) {
            tuples.add(Tuple.of(k.runId(), k.waitId()));
        }
        return client.preparedQuery("DELETE FROM run_timers WHERE run_id = $1 AND wait_id = $2").executeBatch(tuples)
                .replaceWithVoid();
    }

    public Uni<Void> removeAllOf(SqlClient client, List<UUID> runIds) {
        if (runIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("DELETE FROM run_timers WHERE run_id = ANY($1)")
                .execute(Tuple.of(runIds.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Removes and returns up to {@code limit} due timers; concurrent pollers never get the same one. */
    public Uni<List<Timer>> takeDue(SqlClient client, Instant now, int limit) {
        return client.preparedQuery("DELETE FROM run_timers WHERE (run_id, wait_id) IN (SELECT run_id, wait_id FROM "
                + "run_timers WHERE due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                + "RETURNING run_id, wait_id, tenant, due_at").execute(Tuple.of(time(now), limit)).map(rows -> {
                    List<Timer> due = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        due.add(new Timer(row.getUUID("run_id"), row.getString("wait_id"), row.getString("tenant"),
                                instant(row.getOffsetDateTime("due_at"))));
                    }
                    return due;
                });
    }

    /** The earliest due time, if any timer exists (for the poller to sleep until then). */
    public Uni<Instant> nextDue(SqlClient client) {
        return client.query("SELECT min(due_at) AS due FROM run_timers").execute()
                .map(rows -> instant(rows.iterator().next().getOffsetDateTime("due")));
    }
}
