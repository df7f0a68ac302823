package dev.orchestrion.support.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.support.messaging.OutgoingRecord;

/**
 * An outbox in a PostgreSQL table: writers insert rows in the transaction of their change; a round reads the oldest
 * rows, publishes them and deletes those Kafka acknowledged, all in one transaction that holds an advisory lock, so
 * that one relay at a time (across instances) publishes and rows reach Kafka in the table's order. What a row holds
 * (one event, or a whole transaction's records) is the service's business: it decodes its rows itself.
 */
public final class TableOutbox implements OutboxStore<Long> {

    /**
     * A service's outbox table.
     *
     * @param table the table's name
     * @param idColumn a key that grows with every insert: rows are published in its order
     * @param columns what a round selects for the row decoder (the id column among them), e.g. {@code id, records}
     * @param createdAtColumn when the row was written, or null; needed for a minimum age
     * @param lockKey the advisory lock a round holds (unique per table)
     */
    public record Layout(String table, String idColumn, String columns, String createdAtColumn, long lockKey) {
    }

    /**
     * Takes the relay lock, and lets the round commit without waiting for its WAL flush: if PostgreSQL crashed right
     * after, the deletes would be lost and those rows published again, with the same ids, which consumers drop. The
     * writers' commits keep the disk to themselves.
     */
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock($1), set_config('synchronous_commit', 'off', true)";

    private final Pool pool;
    private final Layout layout;
    private final Duration minAge;
    private final Function<Row, List<OutgoingRecord>> records;
    private final String oldest;
    private final String delete;
    private final String count;

    /**
     * @param minAge rounds leave younger rows alone (their writer publishes them itself, see
     *        {@link OutboxRelayLoop#publishCommitted}); zero when every row is the relay's at once
     * @param records decodes one selected row into its records
     */
    public TableOutbox(Pool pool, Layout layout, Duration minAge, Function<Row, List<OutgoingRecord>> records) {
        if (!minAge.isZero() && layout.createdAtColumn() == null) {
            throw new IllegalArgumentException("A minimum age needs the table's creation time column");
        }
        this.pool = pool;
        this.layout = layout;
        this.minAge = minAge;
        this.records = records;
        this.oldest = "SELECT " + layout.columns() + " FROM " + layout.table()
                + (minAge.isZero() ? "" : " WHERE " + layout.createdAtColumn() + " < $2") + " ORDER BY "
                + layout.idColumn() + " LIMIT $1";
        this.delete = "DELETE FROM " + layout.table() + " WHERE " + layout.idColumn() + " = ANY($1)";
        this.count = "SELECT count(*) FROM " + layout.table();
    }

    @Override
    public Uni<Round> relayRound(int limit, boolean sweep, Function<List<PendingEntry<Long>>, Uni<Set<Long>>> publish) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(layout.lockKey()))
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? readPublishAndDelete(connection, limit, publish)
                        : Uni.createFrom().item(Round.BUSY)));
    }

    private Uni<Round> readPublishAndDelete(SqlConnection connection, int limit,
            Function<List<PendingEntry<Long>>, Uni<Set<Long>>> publish) {
        Tuple parameters = minAge.isZero()
                ? Tuple.of(limit)
                : Tuple.of(limit, OffsetDateTime.now(ZoneOffset.UTC).minus(minAge));
        return connection.preparedQuery(oldest).execute(parameters).chain(rows -> {
            List<PendingEntry<Long>> entries = new ArrayList<>(rows.size());
            for (Row row : rows) {
                entries.add(new PendingEntry<>(row.getLong(layout.idColumn()), records.apply(row)));
            }
            if (entries.isEmpty()) {
                return Uni.createFrom().item(new Round(false, 0, 0, false));
            }
            return publish.apply(entries).chain(acknowledged -> {
                Round round = new Round(false, entries.size(), acknowledged.size(), entries.size() == limit);
                return acknowledged.isEmpty()
                        ? Uni.createFrom().item(round)
                        : deleteRows(connection, acknowledged).replaceWith(round);
            });
        });
    }

    @Override
    public Uni<Void> remove(List<Long> published) {
        return published.isEmpty() ? Uni.createFrom().voidItem() : deleteRows(pool, published);
    }

    @Override
    public Uni<Long> backlog() {
        return pool.query(count).execute().map(rows -> rows.iterator().next().getLong(0));
    }

    private Uni<Void> deleteRows(SqlClient client, Collection<Long> ids) {
        return client.preparedQuery(delete).execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)))
                .replaceWithVoid();
    }
}
