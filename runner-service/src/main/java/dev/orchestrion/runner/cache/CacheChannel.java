package dev.orchestrion.runner.cache;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The PostgreSQL channel on which runner instances tell each other to forget a cached entry. A payload is
 * {@code <kind>:<key>}, for example {@code api-key:<sha256 hex>} or {@code bindings:<tenant>}. A notice is sent with
 * {@code pg_notify} in the transaction that makes the change, so PostgreSQL delivers it only if that transaction
 * commits, and to every listening instance (the sender's own included).
 */
public final class CacheChannel {

    /** The channel every runner instance listens on. */
    public static final String NAME = "orchestrion_cache";
    /** An API key (by its hash) was revoked. */
    public static final String API_KEY = "api-key";
    /** A tenant's HTTP bindings changed. */
    public static final String BINDINGS = "bindings";

    private CacheChannel() {
    }

    /** What a payload asks: forget {@code key} in the cache of {@code kind}. */
    public record Notice(String kind, String key) {
    }

    public static String payload(String kind, String key) {
        return kind + ":" + key;
    }

    /** The notice a payload carries; null for one this version does not understand (an empty kind or no key). */
    public static Notice parse(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon <= 0 || colon == payload.length() - 1) {
            return null;
        }
        return new Notice(payload.substring(0, colon), payload.substring(colon + 1));
    }

    /** Queues the notice in the client's transaction: delivered to the listeners at its commit, dropped on rollback. */
    public static Uni<Void> notify(SqlClient transaction, String kind, String key) {
        return transaction.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(NAME, payload(kind, key)))
                .replaceWithVoid();
    }
}
