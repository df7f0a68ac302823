package dev.orchestrion.runner.deadletter.repository;

import static dev.orchestrion.runner.sql.SqlTimes.instant;
import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.deadletter.model.DeadLetter;
import dev.orchestrion.support.paging.Page;

/** The {@code dead_letters} table. */
@ApplicationScoped
public class DeadLetterRepository {

    private static final String COLUMNS = "id, consumer, topic, kafka_partition, kafka_offset, tenant, event_type, "
            + "event_id, record_key, headers, payload, error, dead_lettered_at, status, replays, last_replay_at, "
            + "last_replay_by, last_replay_error";
    /** Whose dead letters a caller sees: its tenant's, and those without a tenant when it may see the platform's. */
    private static final String VISIBLE = "(tenant = $1 OR ($2 AND tenant IS NULL))";

    /** Stores the dead letter unless this consumer already stored the same record. */
    public Uni<Void> insert(SqlClient client, DeadLetter d) {
        return client
                .preparedQuery("INSERT INTO dead_letters (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
                        + "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
                        + "ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING")
                .execute(Tuple.from(new Object[]{d.id(), d.consumer(), d.topic(), d.partition(), d.offset(), d.tenant(),
                        d.eventType(), d.eventId(), bytes(d.key()),
                        new JsonObject(new LinkedHashMap<>(d.headers())).encode(), bytes(d.payload()), d.error(),
                        time(d.deadLetteredAt()), d.status().name(), d.replays(), time(d.lastReplayAt()),
                        d.lastReplayBy(), d.lastReplayError()}))
                .replaceWithVoid();
    }

    /** A page of the dead letters the caller may see, newest first, and how many there are in all. */
    public Uni<Page<DeadLetter>> page(SqlClient client, String tenant, boolean platform, String consumer, String topic,
            DeadLetter.Status status, int page, int size) {
        return client
                .preparedQuery("SELECT " + COLUMNS + ", count(*) OVER () AS total FROM dead_letters WHERE " + VISIBLE
                        + " AND ($3::text IS NULL OR consumer = $3) AND ($4::text IS NULL OR topic = $4) "
                        + "AND ($5::text IS NULL OR status = $5) ORDER BY dead_lettered_at DESC, id LIMIT $6 OFFSET $7")
                .execute(Tuple.from(new Object[]{tenant, platform, consumer, topic,
                        status == null ? null : status.name(), size, (long) page * size}))
                .map(rows -> {
                    List<DeadLetter> items = new ArrayList<>(rows.size());
                    long total = 0;
                    for (Row row : rows) {
                        items.add(map(row));
                        total = row.getLong("total");
                    }
                    return new Page<>(items, page, size, total);
                });
    }

    /** One dead letter the caller may see, or null. */
    public Uni<DeadLetter> find(SqlClient client, String tenant, boolean platform, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM dead_letters WHERE id = $3 AND " + VISIBLE)
                .execute(Tuple.of(tenant, platform, id)).map(DeadLetterRepository::first);
    }

    /** The dead letter, locked until the transaction ends (a second replay waits for the first); null if absent. */
    public Uni<DeadLetter> lock(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM dead_letters WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(id)).map(DeadLetterRepository::first);
    }

    /** Records a replay: REPLAYED when it succeeded ({@code error} null), still DEAD with the error otherwise. */
    public Uni<DeadLetter> recordReplay(SqlClient client, UUID id, Instant at, String by, String error) {
        return client.preparedQuery("UPDATE dead_letters SET replays = replays + 1, last_replay_at = $2, "
                + "last_replay_by = $3, last_replay_error = $4, status = CASE WHEN $4::text IS NULL THEN 'REPLAYED' "
                + "ELSE status END WHERE id = $1 RETURNING " + COLUMNS).execute(Tuple.of(id, time(at), by, error))
                .map(DeadLetterRepository::first);
    }

    private static DeadLetter first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : map(rows.iterator().next());
    }

    private static DeadLetter map(Row row) {
        Map<String, String> headers = new LinkedHashMap<>();
        new JsonObject(row.getString("headers"))
                .forEach(e -> headers.put(e.getKey(), e.getValue() == null ? null : e.getValue().toString()));
        return new DeadLetter(row.getUUID("id"), row.getString("consumer"), row.getString("topic"),
                row.getInteger("kafka_partition"), row.getLong("kafka_offset"), row.getString("tenant"),
                row.getString("event_type"), row.getString("event_id"), bytes(row.getBuffer("record_key")), headers,
                bytes(row.getBuffer("payload")), row.getString("error"),
                instant(row.getOffsetDateTime("dead_lettered_at")), DeadLetter.Status.valueOf(row.getString("status")),
                row.getInteger("replays"), instant(row.getOffsetDateTime("last_replay_at")),
                row.getString("last_replay_by"), row.getString("last_replay_error"));
    }

    /** A bytea parameter: the core Buffer, which the client encodes (not its Mutiny wrapper). */
    private static io.vertx.core.buffer.Buffer bytes(byte[] value) {
        return value == null ? null : io.vertx.core.buffer.Buffer.buffer(value);
    }

    private static byte[] bytes(Buffer value) {
        return value == null ? null : value.getBytes();
    }
}
