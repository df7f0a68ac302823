package dev.orchestrion.cases.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.vertx.mutiny.sqlclient.Row;

import dev.orchestrion.cases.model.OutboxEvent;
import dev.orchestrion.cases.model.PendingEvent;
import dev.orchestrion.support.outbox.TableOutbox;

/**
 * The case outbox ({@code case_outbox}, one event a row): changes add rows through their Hibernate session
 * ({@link #persist(Object)}), in their transaction; the relay reads them through {@link #TABLE} oldest first and
 * deletes them once published.
 */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** The table as the relay reads it; the lock ("cases") keeps one relay at a time, so events keep their order. */
    public static final TableOutbox.Layout TABLE = new TableOutbox.Layout("case_outbox", "seq",
            "seq, event_id, case_id, tenant, type, occurred_at, payload", null, 0x6361736573L);

    /** One row of {@link #TABLE}. */
    public static PendingEvent pendingEvent(Row row) {
        return new PendingEvent(row.getUUID("event_id"), row.getUUID("case_id"), row.getString("tenant"),
                row.getString("type"), row.getOffsetDateTime("occurred_at").toInstant(), row.getString("payload"));
    }
}
