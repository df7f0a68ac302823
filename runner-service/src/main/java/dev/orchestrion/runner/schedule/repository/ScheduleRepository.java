package dev.orchestrion.runner.schedule.repository;

import static dev.orchestrion.runner.sql.SqlTimes.instant;
import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.schedule.model.Firing;

/** The {@code schedule_state} and {@code schedule_firings} tables. */
@ApplicationScoped
public class ScheduleRepository {

    /** An active schedule whose next tick is due, with its trigger. */
    public record DueSchedule(UUID definitionId, String tenant, String name, int version, Instant anchorAt,
            Instant nextFireAt, JsonNode trigger) {
    }

    /** A decided firing whose run is still to be started. */
    public record PendingFiring(UUID definitionId, Instant tick, String tenant, boolean missed) {
    }

    /** (Re)starts a schedule's ticks: next due at {@code nextFireAt}, interval ticks counted from {@code anchor}. */
    public Uni<Void> reset(SqlClient client, UUID definitionId, String tenant, int version, Instant anchor,
            Instant nextFireAt, Instant now) {
        return client.preparedQuery("INSERT INTO schedule_state (definition_id, tenant, version, anchor_at, "
                + "next_fire_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (definition_id) DO UPDATE SET "
                + "tenant = EXCLUDED.tenant, version = EXCLUDED.version, anchor_at = EXCLUDED.anchor_at, "
                + "next_fire_at = EXCLUDED.next_fire_at, updated_at = EXCLUDED.updated_at")
                .execute(Tuple
                        .from(new Object[]{definitionId, tenant, version, time(anchor), time(nextFireAt), time(now)}))
                .replaceWithVoid();
    }

    public Uni<Void> remove(SqlClient client, UUID definitionId) {
        return client.preparedQuery("DELETE FROM schedule_state WHERE definition_id = $1")
                .execute(Tuple.of(definitionId)).replaceWithVoid();
    }

    /** Due schedules of ACTIVE definitions, locked (others' locked rows skipped) until the transaction ends. */
    public Uni<List<DueSchedule>> lockDue(SqlClient client, Instant now, int limit) {
        return client
                .preparedQuery("SELECT s.definition_id, s.tenant, r.name, s.version, s.anchor_at, s.next_fire_at, "
                        + "r.trigger::text AS trigger FROM schedule_state s JOIN trigger_registry r "
                        + "ON r.definition_id = s.definition_id WHERE s.next_fire_at <= $1 AND r.status = 'ACTIVE' "
                        + "AND r.kind = 'schedule' ORDER BY s.next_fire_at LIMIT $2 FOR UPDATE OF s SKIP LOCKED")
                .execute(Tuple.of(time(now), limit)).map(rows -> {
                    List<DueSchedule> due = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        due.add(new DueSchedule(row.getUUID("definition_id"), row.getString("tenant"),
                                row.getString("name"), row.getInteger("version"),
                                instant(row.getOffsetDateTime("anchor_at")),
                                instant(row.getOffsetDateTime("next_fire_at")),
                                Json.read(row.getString("trigger"), JsonNode.class)));
                    }
                    return due;
                });
    }

    public Uni<Void> advance(SqlClient client, UUID definitionId, Instant nextFireAt, Instant now) {
        return client
                .preparedQuery(
                        "UPDATE schedule_state SET next_fire_at = $2, updated_at = $3 " + "WHERE definition_id = $1")
                .execute(Tuple.of(definitionId, time(nextFireAt), time(now))).replaceWithVoid();
    }

    /** Whether the run of the schedule's last firing is still going (or not even started yet). */
    public Uni<Boolean> previousRunGoing(SqlClient client, UUID definitionId) {
        return client.preparedQuery("SELECT f.status, r.status AS run_status FROM schedule_firings f "
                + "LEFT JOIN runs r ON r.id = f.run_id WHERE f.definition_id = $1 AND f.status IN ('PENDING', 'STARTED') "
                + "ORDER BY f.tick DESC LIMIT 1").execute(Tuple.of(definitionId)).map(rows -> {
                    if (rows.size() == 0) {
                        return false;
                    }
                    Row row = rows.iterator().next();
                    if ("PENDING".equals(row.getString("status"))) {
                        return true;
                    }
                    String run = row.getString("run_status");
                    return run != null && !List.of("COMPLETED", "FAILED", "CANCELLED").contains(run);
                });
    }

    /** Records a decided tick; false when that tick was already decided (by another instance). */
    public Uni<Boolean> insertFiring(SqlClient client, UUID definitionId, Instant tick, String tenant, String status,
            boolean missed, String reason, Instant now) {
        return client
                .preparedQuery("INSERT INTO schedule_firings (definition_id, tick, tenant, status, missed, reason, "
                        + "decided_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) "
                        + "ON CONFLICT (definition_id, tick) DO NOTHING")
                .execute(Tuple.from(new Object[]{definitionId, time(tick), tenant, status, missed, reason, time(now)}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Takes PENDING firings decided before {@code before} (a crash or a peer outage left them), bumping them. */
    public Uni<List<PendingFiring>> takePending(SqlClient client, Instant before, Instant now, int limit) {
        return client.preparedQuery("UPDATE schedule_firings f SET decided_at = $2 FROM (SELECT definition_id, tick "
                + "FROM schedule_firings WHERE status = 'PENDING' AND decided_at < $1 ORDER BY decided_at LIMIT $3 "
                + "FOR UPDATE SKIP LOCKED) p WHERE f.definition_id = p.definition_id AND f.tick = p.tick "
                + "RETURNING f.definition_id, f.tick, f.tenant, f.missed")
                .execute(Tuple.of(time(before), time(now), limit)).map(rows -> {
                    List<PendingFiring> pending = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        pending.add(
                                new PendingFiring(row.getUUID("definition_id"), instant(row.getOffsetDateTime("tick")),
                                        row.getString("tenant"), row.getBoolean("missed")));
                    }
                    return pending;
                });
    }

    public Uni<Void> finish(SqlClient client, UUID definitionId, Instant tick, String status, UUID runId, String reason,
            Instant now) {
        return client
                .preparedQuery("UPDATE schedule_firings SET status = $3, run_id = $4, reason = $5, updated_at = $6 "
                        + "WHERE definition_id = $1 AND tick = $2 AND status = 'PENDING'")
                .execute(Tuple.from(new Object[]{definitionId, time(tick), status, runId,
                        reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000), time(now)}))
                .replaceWithVoid();
    }

    /** The definition's next tick, or null when it has no active schedule. */
    public Uni<Instant> nextFireAt(SqlClient client, UUID definitionId) {
        return client.preparedQuery("SELECT next_fire_at FROM schedule_state WHERE definition_id = $1")
                .execute(Tuple.of(definitionId))
                .map(rows -> rows.size() == 0
                        ? null
                        : instant(rows.iterator().next().getOffsetDateTime("next_fire_at")));
    }

    /** The definition's latest firings, newest first. */
    public Uni<List<Firing>> firings(SqlClient client, String tenant, UUID definitionId, int limit) {
        return client
                .preparedQuery("SELECT tick, status, missed, run_id, reason, decided_at FROM schedule_firings "
                        + "WHERE tenant = $1 AND definition_id = $2 ORDER BY tick DESC LIMIT $3")
                .execute(Tuple.of(tenant, definitionId, limit)).map(rows -> {
                    List<Firing> firings = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        firings.add(new Firing(instant(row.getOffsetDateTime("tick")), row.getString("status"),
                                row.getBoolean("missed"), row.getUUID("run_id"), row.getString("reason"),
                                instant(row.getOffsetDateTime("decided_at"))));
                    }
                    return firings;
                });
    }
}
