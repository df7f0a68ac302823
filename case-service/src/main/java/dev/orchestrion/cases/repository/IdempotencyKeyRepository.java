package dev.orchestrion.cases.repository;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.cases.model.IdempotencyRecord;

/** Idempotency-Keys of create requests. A key is claimed by the statement that creates the resource it names. */
@ApplicationScoped
public class IdempotencyKeyRepository {

    private static final String FIND = """
            SELECT request_hash, resource_id, status FROM idempotency_keys
            WHERE tenant = $1 AND idempotency_key = $2 AND expires_at > $3
            """;

    private static final String DELETE_EXPIRED = """
            DELETE FROM idempotency_keys WHERE ctid IN (
                SELECT ctid FROM idempotency_keys WHERE expires_at <= $1 LIMIT $2
            )
            """;

    private final Pool pool;

    /**
     * A {@code claim} CTE for a create statement: it claims the key (or takes over an expired one) and yields a row
     * only if it did, so that the statement's inserts can select {@code FROM claim}. Arguments are the numbers of the
     * statement's parameters holding the tenant, key, request hash, resource id, time of the request and expiry.
     */
    public static String claimCte(int tenant, int key, int requestHash, int resourceId, int now, int expiresAt) {
        return """
                claim AS (
                    INSERT INTO idempotency_keys (tenant, idempotency_key, request_hash, resource_id, status, created_at,
                                                  expires_at)
                    VALUES ($%d, $%d, $%d, $%d, 201, $%d, $%d)
                    ON CONFLICT (tenant, idempotency_key) DO UPDATE
                        SET request_hash = EXCLUDED.request_hash, resource_id = EXCLUDED.resource_id,
                            status = EXCLUDED.status, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                        WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
                    RETURNING resource_id
                )"""
                .formatted(tenant, key, requestHash, resourceId, now, expiresAt);
    }

    public IdempotencyKeyRepository(Pool pool) {
        this.pool = pool;
    }

    /** The key as remembered at {@code now}; null when it was never used or has expired. */
    public Uni<IdempotencyRecord> find(String tenant, String key, Instant now) {
        return pool.preparedQuery(FIND).execute(Tuple.of(tenant, key, now.atOffset(ZoneOffset.UTC))).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row row = it.next();
            return new IdempotencyRecord(row.getString("request_hash"), row.getUUID("resource_id"),
                    row.getInteger("status"));
        });
    }

    /** Deletes up to {@code limit} keys that expired before {@code now}; answers how many. */
    public Uni<Integer> deleteExpired(Instant now, int limit) {
        return pool.preparedQuery(DELETE_EXPIRED).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> rows.rowCount());
    }
}
