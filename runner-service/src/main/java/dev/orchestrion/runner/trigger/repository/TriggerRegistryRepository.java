package dev.orchestrion.runner.trigger.repository;

import static dev.orchestrion.runner.sql.SqlTimes.instant;
import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.trigger.model.RegisteredTrigger;

/** The {@code trigger_registry} table, and the ids of events that already triggered ({@code trigger_events_seen}). */
@ApplicationScoped
public class TriggerRegistryRepository {

    private static final String COLUMNS = "definition_id, tenant, name, status, version, revision, kind, event_type, "
            + "http_method, http_path, exclusive_group, trigger::text AS trigger, active_since, updated_at";

    /** The definition's entry, locked until the transaction ends; null when there is none. */
    public Uni<RegisteredTrigger> lock(SqlClient client, UUID definitionId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM trigger_registry WHERE definition_id = $1 FOR UPDATE")
                .execute(Tuple.of(definitionId)).map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Void> upsert(SqlClient client, RegisteredTrigger t) {
        return client.preparedQuery("INSERT INTO trigger_registry (definition_id, tenant, name, status, version, "
                + "revision, kind, event_type, http_method, http_path, exclusive_group, trigger, active_since, "
                + "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13, $14) "
                + "ON CONFLICT (definition_id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status, "
                + "version = EXCLUDED.version, revision = EXCLUDED.revision, kind = EXCLUDED.kind, "
                + "event_type = EXCLUDED.event_type, http_method = EXCLUDED.http_method, "
                + "http_path = EXCLUDED.http_path, exclusive_group = EXCLUDED.exclusive_group, "
                + "trigger = EXCLUDED.trigger, active_since = EXCLUDED.active_since, updated_at = EXCLUDED.updated_at")
                .execute(Tuple.from(new Object[]{t.definitionId(), t.tenant(), t.name(), t.status(), t.version(),
                        t.revision(), t.kind(), t.eventType(), t.httpMethod(), t.httpPath(), t.exclusiveGroup(),
                        t.trigger() == null ? null : t.trigger().toString(), time(t.activeSince()),
                        time(t.updatedAt())}))
                .replaceWithVoid();
    }

    /** ACTIVE definitions of these tenants that start on events. */
    public Uni<List<RegisteredTrigger>> activeEventTriggers(SqlClient client, Set<String> tenants) {
        return client
                .preparedQuery("SELECT " + COLUMNS
                        + " FROM trigger_registry WHERE kind = 'event' AND status = 'ACTIVE' " + "AND tenant = ANY($1)")
                .execute(Tuple.of(tenants.toArray(String[]::new))).map(TriggerRegistryRepository::mapAll);
    }

    /** ACTIVE definitions of the tenant bound to HTTP requests of this method. */
    public Uni<List<RegisteredTrigger>> activeHttpBindings(SqlClient client, String tenant, String method) {
        return client
                .preparedQuery("SELECT " + COLUMNS + " FROM trigger_registry WHERE kind = 'http' AND status = 'ACTIVE' "
                        + "AND tenant = $1 AND http_method = $2")
                .execute(Tuple.of(tenant, method)).map(TriggerRegistryRepository::mapAll);
    }

    /** The tenant's definitions that start on their own (every kind but api), not deleted. */
    public Uni<List<RegisteredTrigger>> listInTenant(SqlClient client, String tenant) {
        return client
                .preparedQuery("SELECT " + COLUMNS + " FROM trigger_registry WHERE tenant = $1 AND kind <> 'api' "
                        + "AND status <> 'DELETED' ORDER BY name, definition_id")
                .execute(Tuple.of(tenant)).map(TriggerRegistryRepository::mapAll);
    }

    public Uni<Boolean> seen(SqlClient client, UUID eventId) {
        return client.preparedQuery("SELECT 1 FROM trigger_events_seen WHERE event_id = $1").execute(Tuple.of(eventId))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Void> markSeen(SqlClient client, UUID eventId, String tenant, Instant now) {
        return client
                .preparedQuery("INSERT INTO trigger_events_seen (event_id, tenant, seen_at) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .execute(Tuple.of(eventId, tenant, time(now))).replaceWithVoid();
    }

    public Uni<Integer> purgeSeenBefore(SqlClient client, Instant before) {
        return client.preparedQuery("DELETE FROM trigger_events_seen WHERE seen_at < $1")
                .execute(Tuple.of(time(before))).map(RowSet::rowCount);
    }

    static List<RegisteredTrigger> mapAll(RowSet<Row> rows) {
        List<RegisteredTrigger> found = new ArrayList<>(rows.size());
        for (Row row : rows) {
            found.add(map(row));
        }
        return found;
    }

    static RegisteredTrigger map(Row row) {
        String trigger = row.getString("trigger");
        return new RegisteredTrigger(row.getUUID("definition_id"), row.getString("tenant"), row.getString("name"),
                row.getString("status"), row.getInteger("version"), row.getLong("revision"), row.getString("kind"),
                row.getString("event_type"), row.getString("http_method"), row.getString("http_path"),
                row.getString("exclusive_group"),
                trigger == null ? null : Json.read(trigger, com.fasterxml.jackson.databind.JsonNode.class),
                instant(row.getOffsetDateTime("active_since")), instant(row.getOffsetDateTime("updated_at")));
    }
}
