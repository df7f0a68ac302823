package dev.orchestrion.runner.webhook.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.webhook.model.SigningSecrets;

/**
 * The signing secrets still stored in clear (written before secrets were encrypted, or by an older instance during a
 * rolling upgrade), in {@code webhook_subscriptions} and {@code webhook_callback_secrets}, and their replacement.
 */
@ApplicationScoped
public class StoredSecretRepository {

    /** A row's secrets as stored; {@code owner} says which row (and is what they are encrypted for). */
    public record StoredSecrets(Kind kind, String key, String secret, String previousSecret) {

        public String owner() {
            return kind == Kind.SUBSCRIPTION
                    ? SigningSecrets.subscriptionOwner(UUID.fromString(key))
                    : SigningSecrets.callbackOwner(key);
        }
    }

    public enum Kind {
        SUBSCRIPTION, CALLBACK
    }

    /** Rows with a secret not yet encrypted, marked by its missing {@code sealedPrefix}. */
    public Uni<List<StoredSecrets>> inClear(SqlClient client, String sealedPrefix) {
        String clear = " WHERE left(secret, $1) <> $2 OR left(previous_secret, $1) <> $2";
        Tuple marker = Tuple.of(sealedPrefix.length(), sealedPrefix);
        return client.preparedQuery("SELECT id, secret, previous_secret FROM webhook_subscriptions" + clear)
                .execute(marker)
                .chain(subscriptions -> client
                        .preparedQuery("SELECT tenant, secret, previous_secret FROM webhook_callback_secrets" + clear)
                        .execute(marker).map(callbacks -> {
                            List<StoredSecrets> found = new ArrayList<>();
                            for (Row row : subscriptions) {
                                found.add(new StoredSecrets(Kind.SUBSCRIPTION, row.getUUID("id").toString(),
                                        row.getString("secret"), row.getString("previous_secret")));
                            }
                            for (Row row : callbacks) {
                                found.add(new StoredSecrets(Kind.CALLBACK, row.getString("tenant"),
                                        row.getString("secret"), row.getString("previous_secret")));
                            }
                            return found;
                        }));
    }

    /**
     * Replaces a row's secrets if they are still {@code found} (a rotation in between wins; the next sweep sees the
     * row again if it is still in clear). A subscription's version moves on, so a concurrent update of the entity
     * that read the clear value fails instead of writing it back. Answers whether the row was replaced.
     */
    public Uni<Boolean> replace(SqlClient client, StoredSecrets found, String secret, String previousSecret) {
        String sql = found.kind() == Kind.SUBSCRIPTION
                ? "UPDATE webhook_subscriptions SET secret = $2, previous_secret = $3, version = version + 1 "
                        + "WHERE id = $1::uuid AND secret = $4 AND previous_secret IS NOT DISTINCT FROM $5"
                : "UPDATE webhook_callback_secrets SET secret = $2, previous_secret = $3 "
                        + "WHERE tenant = $1 AND secret = $4 AND previous_secret IS NOT DISTINCT FROM $5";
        Object key = found.kind() == Kind.SUBSCRIPTION ? UUID.fromString(found.key()) : found.key();
        return client.preparedQuery(sql)
                .execute(Tuple.from(new Object[]{key, secret, previousSecret, found.secret(), found.previousSecret()}))
                .map(rows -> rows.rowCount() == 1);
    }
}
