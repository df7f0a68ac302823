package dev.orchestrion.runner.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.json.Json;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.outbox.TableOutbox;

/**
 * The {@code outbox} table: Kafka records written with the transaction that causes them, one row for all records of
 * a transaction. The relay reads it through {@link #TABLE}.
 */
@ApplicationScoped
public class OutboxRepository {

    /** The table as the relay's sweep reads it; the lock ("runner") keeps one sweep at a time across instances. */
    public static final TableOutbox.Layout TABLE = new TableOutbox.Layout("outbox", "id",
            "id, records::text AS records", "created_at", 0x72756e6e6572L);

    private static final TypeReference<List<OutgoingRecord>> RECORDS = new TypeReference<>() {
    };

    /** Stores the records as one row; answers its id. */
    public Uni<Long> add(SqlClient client, List<OutgoingRecord> records) {
        return client.preparedQuery("INSERT INTO outbox (records) VALUES ($1::text::jsonb) RETURNING id")
                .execute(Tuple.of(Json.write(records))).map(rows -> rows.iterator().next().getLong("id"));
    }

    /** The records of one row of {@link #TABLE}. */
    public static List<OutgoingRecord> records(Row row) {
        try {
            return Json.MAPPER.readValue(row.getString("records"), RECORDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
