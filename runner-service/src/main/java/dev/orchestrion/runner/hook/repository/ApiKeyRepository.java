package dev.orchestrion.runner.hook.repository;

import static dev.orchestrion.runner.sql.SqlTimes.instant;
import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.cache.CacheChannel;
import dev.orchestrion.runner.hook.model.ApiKey;

/** The {@code api_keys} table: keys are found by their SHA-256 hash; the key itself is never stored. */
@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, tenant, name, key_prefix, definition_ids, created_at, created_by, "
            + "revoked_at";

    public Uni<Void> insert(SqlClient client, ApiKey key, String keyHash) {
        return client
                .preparedQuery("INSERT INTO api_keys (id, tenant, name, key_hash, key_prefix, definition_ids, "
                        + "created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[]{key.id(), key.tenant(), key.name(), keyHash, key.prefix(),
                        key.definitionIds().toArray(UUID[]::new), time(key.createdAt()), key.createdBy()}))
                .replaceWithVoid();
    }

    public Uni<ApiKey> findByHash(SqlClient client, String keyHash) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = $1")
                .execute(Tuple.of(keyHash)).map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<List<ApiKey>> listInTenant(SqlClient client, String tenant) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM api_keys WHERE tenant = $1 ORDER BY created_at DESC")
                .execute(Tuple.of(tenant)).map(rows -> {
                    List<ApiKey> keys = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        keys.add(map(row));
                    }
                    return keys;
                });
    }

    /**
     * Revokes the key (if not revoked already) and, in the same statement, announces its hash on the cache channel
     * (sent only if the statement commits); null when the tenant has no such key.
     */
    public Uni<ApiKey> revoke(SqlClient client, String tenant, UUID id, Instant now) {
        return client
                .preparedQuery("WITH revoked AS (UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $3) "
                        + "WHERE id = $1 AND tenant = $2 RETURNING " + COLUMNS + ", key_hash) SELECT " + COLUMNS
                        + ", pg_notify($4, $5::text || key_hash) AS notified FROM revoked")
                .execute(Tuple.of(id, tenant, time(now), CacheChannel.NAME,
                        CacheChannel.payload(CacheChannel.API_KEY, "")))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    private static ApiKey map(Row row) {
        UUID[] ids = (UUID[]) row.getValue("definition_ids");
        return new ApiKey(row.getUUID("id"), row.getString("tenant"), row.getString("name"),
                row.getString("key_prefix"), ids == null ? List.of() : Arrays.asList(ids),
                instant(row.getOffsetDateTime("created_at")), row.getString("created_by"),
                instant(row.getOffsetDateTime("revoked_at")));
    }
}
