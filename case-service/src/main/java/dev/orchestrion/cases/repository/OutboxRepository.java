package dev.orchestrion.cases.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.cases.model.OutboxEvent;
import dev.orchestrion.cases.model.PendingEvent;

/**
 * The case outbox: changes add rows through their Hibernate session ({@link #persist(Object)}), in their transaction;
 * the relay reads the oldest rows first and deletes them once published.
 */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** Held for one relay round, so that one instance at a time publishes and events keep their order. */
    private static final long RELAY_LOCK = 0x6361736573L; // "cases"

    /**
     * Takes the relay lock, and lets the round commit without waiting for its WAL flush: if PostgreSQL crashed right
     * after, the deletes would be lost and those events published again, with the same ids, which consumers drop.
     * The clients' commits keep the disk to themselves.
     */
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock($1), set_config('synchronous_commit', 'off', true)";
    private static final String OLDEST = """
            SELECT seq, event_id, case_id, tenant, type, occurred_at, payload FROM case_outbox ORDER BY seq LIMIT $1
            """;
    private static final String DELETE = "DELETE FROM case_outbox WHERE seq = ANY($1)";

    /**
     * What one round did.
     *
     * @param busy another relay (another instance) holds the lock; nothing was read
     * @param read how many events the round read
     * @param published how many of them Kafka acknowledged (and were deleted)
     */
    public record Round(boolean busy, int read, int published) {

        static final Round BUSY = new Round(true, 0, 0);

        public boolean failed() {
            return published < read;
        }
    }

    private final Pool pool;

    public OutboxRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * One relay round in one transaction: take the relay lock, read the oldest {@code limit} events, hand them to
     * {@code publish} (which answers the sequence numbers Kafka acknowledged) and delete those.
     */
    public Uni<Round> relayRound(int limit, Function<List<PendingEvent>, Uni<Set<Long>>> publish) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? readPublishAndDelete(connection, limit, publish)
                        : Uni.createFrom().item(Round.BUSY)));
    }

    private Uni<Round> readPublishAndDelete(SqlConnection connection, int limit,
            Function<List<PendingEvent>, Uni<Set<Long>>> publish) {
        return connection.preparedQuery(OLDEST).execute(Tuple.of(limit)).chain(rows -> {
            List<PendingEvent> events = new ArrayList<>(rows.size());
            for (Row row : rows) {
                events.add(new PendingEvent(row.getLong("seq"), row.getUUID("event_id"), row.getUUID("case_id"),
                        row.getString("tenant"), row.getString("type"),
                        row.getOffsetDateTime("occurred_at").toInstant(), row.getString("payload")));
            }
            if (events.isEmpty()) {
                return Uni.createFrom().item(new Round(false, 0, 0));
            }
            return publish.apply(events).chain(acknowledged -> {
                Round round = new Round(false, events.size(), acknowledged.size());
                if (acknowledged.isEmpty()) {
                    return Uni.createFrom().item(round);
                }
                return connection.preparedQuery(DELETE)
                        .execute(Tuple.tuple().addArrayOfLong(acknowledged.toArray(Long[]::new))).replaceWith(round);
            });
        });
    }
}
