package dev.orchestrion.runner.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.mapping.Json;
import dev.orchestrion.runner.messaging.OutboundRecord;

/** The {@code outbox} table: Kafka records written with the transaction that causes them. */
@ApplicationScoped
public class OutboxRepository {

    private static final TypeReference<List<OutboundRecord>> RECORDS = new TypeReference<>() {
    };

    /** A stored outbox row. */
    public record Entry(long id, List<OutboundRecord> records) {
    }

    /** Stores the records as one row; answers its id. */
    public Uni<Long> add(SqlClient client, List<OutboundRecord> records) {
        return client.preparedQuery("INSERT INTO outbox (records) VALUES ($1::text::jsonb) RETURNING id")
                .execute(Tuple.of(Json.write(records))).map(rows -> rows.iterator().next().getLong("id"));
    }

    public Uni<Void> remove(SqlClient client, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)").execute(Tuple.of(ids.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /** Rows older than {@code before}, locked against other sweepers until the transaction ends. */
    public Uni<List<Entry>> lockOlderThan(SqlClient client, Instant before, int limit) {
        return client
                .preparedQuery("SELECT id, records::text AS records FROM outbox WHERE created_at < $1 ORDER BY id "
                        + "LIMIT $2 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(RunRepository.time(before), limit)).map(rows -> {
                    List<Entry> entries = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        entries.add(new Entry(row.getLong("id"), read(row.getString("records"))));
                    }
                    return entries;
                });
    }

    public Uni<Long> count(SqlClient client) {
        return client.query("SELECT count(*) AS n FROM outbox").execute()
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    private static List<OutboundRecord> read(String json) {
        try {
            return Json.MAPPER.readValue(json, RECORDS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
