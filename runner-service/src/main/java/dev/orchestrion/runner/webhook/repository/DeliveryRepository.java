package dev.orchestrion.runner.webhook.repository;

import static dev.orchestrion.runner.sql.SqlTimes.instant;
import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.webhook.model.ClaimedDelivery;
import dev.orchestrion.runner.webhook.model.Delivery;
import dev.orchestrion.runner.webhook.model.DeliveryStatus;
import dev.orchestrion.runner.webhook.model.SigningSecrets;
import dev.orchestrion.support.paging.Page;

/**
 * Webhook deliveries and their attempts ({@code webhook_deliveries}, {@code webhook_attempts}), the subscriptions
 * and callback secrets the delivery path reads, through the reactive SQL client. Secrets are read and written as
 * stored (encrypted): the service layer seals and opens them.
 */
@ApplicationScoped
public class DeliveryRepository {

    private static final String COLUMNS = "id, tenant, subscription_id, url, event_id, event_type, run_id, status, "
            + "attempts, next_attempt_at, created_at, updated_at, delivered_at, last_status_code, last_error";

    /** A subscription as the delivery path needs it. */
    public record Subscriber(UUID id, String tenant, String url, Set<String> events, SigningSecrets secrets,
            Instant createdAt) {
    }

    /** A delivery to create. {@code leaseToken} set: created already claimed by this instance, to send at once. */
    public record NewDelivery(UUID id, String tenant, UUID subscriptionId, String url, String target, UUID eventId,
            String eventType, UUID runId, String payload, UUID leaseToken, String traceparent) {
    }

    /** The outcome of one attempt, and what follows it. */
    public record AttemptRecord(UUID deliveryId, UUID leaseToken, DeliveryStatus status, Instant nextAttemptAt,
            Instant attemptedAt, Integer statusCode, int latencyMs, String error) {
    }

    public Uni<List<Subscriber>> subscribersOf(SqlClient client, Set<String> tenants, Instant now) {
        return client.preparedQuery(
                "SELECT id, tenant, url, events, secret, previous_secret, previous_secret_expires_at, created_at "
                        + "FROM webhook_subscriptions WHERE tenant = ANY($1)")
                .execute(Tuple.of(tenants.toArray(String[]::new))).map(rows -> {
                    List<Subscriber> found = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        UUID id = row.getUUID("id");
                        found.add(new Subscriber(id, row.getString("tenant"), row.getString("url"),
                                Set.of(row.getArrayOfStrings("events")),
                                SigningSecrets.of(SigningSecrets.subscriptionOwner(id), row.getString("secret"),
                                        row.getString("previous_secret"),
                                        instant(row.getOffsetDateTime("previous_secret_expires_at")), now),
                                instant(row.getOffsetDateTime("created_at"))));
                    }
                    return found;
                });
    }

    /** The callback URLs of those runs that were requested with one. */
    public Uni<Map<UUID, String>> callbackUrls(SqlClient client, Set<UUID> runIds) {
        if (runIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("SELECT id, callback_url FROM runs WHERE id = ANY($1) AND callback_url IS NOT NULL")
                .execute(Tuple.of(runIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, String> urls = new HashMap<>();
                    for (Row row : rows) {
                        urls.put(row.getUUID("id"), row.getString("callback_url"));
                    }
                    return urls;
                });
    }

    /**
     * The callback signing secrets of the tenants, creating one (from {@code fresh}, as stored) for a tenant that has
     * none yet.
     */
    public Uni<Map<String, SigningSecrets>> callbackSecrets(SqlClient client, Map<String, String> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] tenants = fresh.keySet().toArray(String[]::new);
        String[] secrets = fresh.values().toArray(String[]::new);
        return client
                .preparedQuery("INSERT INTO webhook_callback_secrets (tenant, secret, updated_at) "
                        + "SELECT t, s, $3 FROM unnest($1::varchar[], $2::varchar[]) AS n(t, s) "
                        + "ON CONFLICT (tenant) DO NOTHING")
                .execute(Tuple.of(tenants, secrets, time(now)))
                .chain(() -> client.preparedQuery(
                        "SELECT tenant, secret, previous_secret, previous_secret_expires_at FROM webhook_callback_secrets "
                                + "WHERE tenant = ANY($1)")
                        .execute(Tuple.of((Object) tenants)))
                .map(rows -> {
                    Map<String, SigningSecrets> byTenant = new HashMap<>();
                    for (Row row : rows) {
                        String tenant = row.getString("tenant");
                        byTenant.put(tenant,
                                SigningSecrets.of(SigningSecrets.callbackOwner(tenant), row.getString("secret"),
                                        row.getString("previous_secret"),
                                        instant(row.getOffsetDateTime("previous_secret_expires_at")), now));
                    }
                    return byTenant;
                });
    }

    /**
     * Rotates the tenant's callback secret ({@code secret} as stored); the previous one verifies until
     * {@code previousExpiresAt}.
     */
    public Uni<Void> rotateCallbackSecret(SqlClient client, String tenant, String secret, Instant now,
            Instant previousExpiresAt) {
        return client
                .preparedQuery("INSERT INTO webhook_callback_secrets (tenant, secret, updated_at) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (tenant) DO UPDATE SET "
                        + "previous_secret = webhook_callback_secrets.secret, previous_secret_expires_at = $4, "
                        + "secret = EXCLUDED.secret, updated_at = EXCLUDED.updated_at")
                .execute(Tuple.of(tenant, secret, time(now), time(previousExpiresAt))).replaceWithVoid();
    }

    /**
     * Creates the deliveries that do not exist yet (same id: the same event for the same target) and answers the ids
     * it created. A delivery created leased (sent at once) is in the index of leased deliveries, never in the one the
     * poll reads: should its worker die, the lease sweep returns it once the lease ends.
     */
    public Uni<Set<UUID>> insert(SqlClient client, List<NewDelivery> deliveries, Instant now, Instant leaseUntil) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = deliveries.size();
        UUID[] ids = new UUID[n];
        String[] tenants = new String[n];
        UUID[] subscriptions = new UUID[n];
        String[] urls = new String[n];
        String[] targets = new String[n];
        UUID[] events = new UUID[n];
        String[] types = new String[n];
        UUID[] runs = new UUID[n];
        String[] payloads = new String[n];
        String[] traceparents = new String[n];
        UUID[] tokens = new UUID[n];
        for (int i = 0; i < n; i++) {
            NewDelivery d = deliveries.get(i);
            ids[i] = d.id();
            tenants[i] = d.tenant();
            subscriptions[i] = d.subscriptionId();
            urls[i] = d.url();
            targets[i] = d.target();
            events[i] = d.eventId();
            types[i] = d.eventType();
            runs[i] = d.runId();
            payloads[i] = d.payload();
            traceparents[i] = d.traceparent();
            tokens[i] = d.leaseToken();
        }
        return client
                .preparedQuery("INSERT INTO webhook_deliveries (id, tenant, subscription_id, url, target, event_id, "
                        + "event_type, run_id, payload, status, next_attempt_at, lease_until, lease_token, created_at, "
                        + "updated_at, traceparent) SELECT i, te, s, u, ta, e, ty, r, p, 'PENDING', "
                        + "CASE WHEN tok IS NULL THEN $11 ELSE $12::timestamptz END, "
                        + "CASE WHEN tok IS NULL THEN NULL ELSE $12::timestamptz END, tok, $11, $11, tp "
                        + "FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[], $5::varchar[], $6::uuid[], "
                        + "$7::varchar[], $8::uuid[], $9::text[], $10::uuid[], $13::varchar[]) "
                        + "AS n(i, te, s, u, ta, e, ty, r, p, tok, tp) ON CONFLICT (id) DO NOTHING RETURNING id")
                .execute(Tuple.from(new Object[]{ids, tenants, subscriptions, urls, targets, events, types, runs,
                        payloads, tokens, time(now), time(leaseUntil), traceparents}))
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    for (Row row : rows) {
                        inserted.add(row.getUUID("id"));
                    }
                    return inserted;
                });
    }

    /**
     * Claims due deliveries for this worker: at most {@code perTarget} per target and {@code limit} in all, none for
     * the {@code excludedTargets} (those this worker has no room for), skipping rows another worker is claiming. Reads
     * the index of deliveries waiting for a worker: one descent per target that has any (a loose index scan), then the
     * oldest due ones of each target with room; a target without room costs one descent, not a walk over its backlog.
     */
    public Uni<List<ClaimedDelivery>> claim(SqlClient client, List<String> excludedTargets, int perTarget, int limit,
            Instant now, Instant leaseUntil, UUID token) {
        String sql = "WITH RECURSIVE targets(target) AS ("
                + "(SELECT target FROM webhook_deliveries WHERE status = 'PENDING' AND lease_token IS NULL "
                + "ORDER BY target LIMIT 1) UNION ALL "
                + "SELECT (SELECT w.target FROM webhook_deliveries w WHERE w.status = 'PENDING' "
                + "AND w.lease_token IS NULL AND w.target > t.target ORDER BY w.target LIMIT 1) "
                + "FROM targets t WHERE t.target IS NOT NULL), "
                + "candidates AS (SELECT c.id FROM targets t CROSS JOIN LATERAL (SELECT w.id, w.next_attempt_at "
                + "FROM webhook_deliveries w WHERE w.status = 'PENDING' AND w.lease_token IS NULL "
                + "AND w.target = t.target AND w.next_attempt_at <= $1 ORDER BY w.next_attempt_at LIMIT $3) c "
                + "WHERE t.target IS NOT NULL AND NOT (t.target = ANY($2)) ORDER BY c.next_attempt_at LIMIT $4), "
                + "locked AS (SELECT id, tenant, subscription_id FROM webhook_deliveries WHERE id IN "
                + "(SELECT id FROM candidates) AND status = 'PENDING' AND lease_token IS NULL "
                + "FOR UPDATE SKIP LOCKED) "
                + "UPDATE webhook_deliveries d SET lease_until = $5, lease_token = $6, next_attempt_at = $5 "
                + "FROM locked l " + "LEFT JOIN webhook_subscriptions s ON s.id = l.subscription_id "
                + "LEFT JOIN webhook_callback_secrets c ON c.tenant = l.tenant AND l.subscription_id IS NULL "
                + "WHERE d.id = l.id RETURNING d.id, d.tenant, d.target, COALESCE(s.url, d.url) AS url, d.payload, "
                + "d.traceparent, " + "d.round_attempts, d.subscription_id, COALESCE(s.secret, c.secret) AS secret, "
                + "COALESCE(s.previous_secret, c.previous_secret) AS previous_secret, "
                + "COALESCE(s.previous_secret_expires_at, c.previous_secret_expires_at) AS previous_secret_expires_at";
        return client.preparedQuery(sql).execute(Tuple.from(new Object[]{time(now),
                excludedTargets.toArray(String[]::new), perTarget, limit, time(leaseUntil), token})).map(rows -> {
                    List<ClaimedDelivery> claimed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        String secret = row.getString("secret");
                        String tenant = row.getString("tenant");
                        UUID subscription = row.getUUID("subscription_id");
                        String owner = subscription != null
                                ? SigningSecrets.subscriptionOwner(subscription)
                                : SigningSecrets.callbackOwner(tenant);
                        claimed.add(new ClaimedDelivery(row.getUUID("id"), tenant, row.getString("target"),
                                row.getString("url"), row.getString("payload"), row.getInteger("round_attempts"), token,
                                secret == null
                                        ? SigningSecrets.NONE
                                        : SigningSecrets.of(owner, secret, row.getString("previous_secret"),
                                                instant(row.getOffsetDateTime("previous_secret_expires_at")), now),
                                row.getString("traceparent")));
                    }
                    return claimed;
                });
    }

    /**
     * Gives deliveries whose lease ended without an outcome (their worker died or lost its database connection) back
     * to the deliveries waiting for a worker, due at once; answers how many. A late outcome from the old worker is
     * then ignored, as its lease token no longer matches.
     */
    public Uni<Integer> returnExpiredLeases(SqlClient client, Instant now, int limit) {
        return client.preparedQuery("UPDATE webhook_deliveries SET lease_until = NULL, lease_token = NULL, "
                + "next_attempt_at = $1 WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'PENDING' "
                + "AND lease_token IS NOT NULL AND lease_until < $1 ORDER BY lease_until LIMIT $2 "
                + "FOR UPDATE SKIP LOCKED)").execute(Tuple.of(time(now), limit)).map(RowSet::rowCount);
    }

    /** Gives claimed deliveries back, for another poll (or worker) to take. */
    public Uni<Void> release(SqlClient client, List<UUID> ids, UUID token, Instant now) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client
                .preparedQuery("UPDATE webhook_deliveries SET lease_until = NULL, lease_token = NULL, "
                        + "next_attempt_at = $3 WHERE id = ANY($1) AND lease_token = $2")
                .execute(Tuple.of(ids.toArray(UUID[]::new), token, time(now))).replaceWithVoid();
    }

    /**
     * Records attempts in one statement (the dispatcher's group commit): each updates its delivery, if this worker
     * still holds its lease, and adds its row to the attempt log.
     */
    public Uni<Void> recordAttempts(SqlClient client, List<AttemptRecord> attempts) {
        int n = attempts.size();
        UUID[] ids = new UUID[n];
        UUID[] tokens = new UUID[n];
        String[] statuses = new String[n];
        OffsetDateTime[] nextAttempts = new OffsetDateTime[n];
        OffsetDateTime[] attemptedAt = new OffsetDateTime[n];
        Integer[] codes = new Integer[n];
        Integer[] latencies = new Integer[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            AttemptRecord a = attempts.get(i);
            ids[i] = a.deliveryId();
            tokens[i] = a.leaseToken();
            statuses[i] = a.status().name();
            nextAttempts[i] = time(a.nextAttemptAt());
            attemptedAt[i] = time(a.attemptedAt());
            codes[i] = a.statusCode();
            latencies[i] = a.latencyMs();
            errors[i] = truncate(a.error());
        }
        String sql = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], "
                + "$4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[], $8::varchar[]) "
                + "AS i(id, token, status, next_at, attempted_at, code, latency, error)), "
                + "updated AS (UPDATE webhook_deliveries d SET attempts = d.attempts + 1, "
                + "round_attempts = d.round_attempts + 1, status = i.status, "
                + "next_attempt_at = COALESCE(i.next_at, d.next_attempt_at), lease_until = NULL, lease_token = NULL, "
                + "updated_at = $9, delivered_at = CASE WHEN i.status = 'SUCCEEDED' THEN $9 ELSE d.delivered_at END, "
                + "last_status_code = i.code, last_error = i.error FROM input i "
                + "WHERE d.id = i.id AND d.lease_token = i.token "
                + "RETURNING d.id, d.attempts, i.attempted_at, i.code, i.latency, i.error) "
                + "INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, latency_ms, error) "
                + "SELECT id, attempts, attempted_at, code, latency, error FROM updated";
        return client.preparedQuery(sql).execute(Tuple.from(new Object[]{ids, tokens, statuses, nextAttempts,
                attemptedAt, codes, latencies, errors, time(Instant.now())})).replaceWithVoid();
    }

    /** Queues a delivery for a new round of attempts, whatever its status; null when the tenant has no such one. */
    public Uni<Delivery> redeliver(SqlClient client, String tenant, UUID id, Instant now) {
        return client
                .preparedQuery("UPDATE webhook_deliveries SET status = 'PENDING', round_attempts = 0, "
                        + "next_attempt_at = $3, lease_until = NULL, lease_token = NULL, updated_at = $3 "
                        + "WHERE id = $1 AND tenant = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(id, tenant, time(now)))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Delivery> find(SqlClient client, String tenant, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = $1 AND tenant = $2")
                .execute(Tuple.of(id, tenant)).chain(rows -> withAttempts(client, mapAll(rows)))
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Filters of the delivery log; null means any. */
    public record Search(String tenant, UUID subscriptionId, UUID runId, DeliveryStatus status) {
    }

    /** A page of deliveries, newest first, each with its attempts. */
    public Uni<Page<Delivery>> search(SqlClient client, Search search, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE tenant = $1");
        List<Object> args = new ArrayList<>();
        args.add(search.tenant());
        if (search.subscriptionId() != null) {
            args.add(search.subscriptionId());
            where.append(" AND subscription_id = $").append(args.size());
        }
        if (search.runId() != null) {
            args.add(search.runId());
            where.append(" AND run_id = $").append(args.size());
        }
        if (search.status() != null) {
            args.add(search.status().name());
            where.append(" AND status = $").append(args.size());
        }
        List<Object> countArgs = new ArrayList<>(args);
        args.add(size);
        args.add(page * size);
        // The total comes from the same statement as the page (one snapshot), so a client never sees a total that
        // disagrees with the items; only a page past the end needs a separate count.
        String sql = "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM webhook_deliveries" + where
                + " ORDER BY created_at DESC, id LIMIT $" + (args.size() - 1) + " OFFSET $" + args.size();
        return client.preparedQuery(sql).execute(Tuple.from(args)).chain(rows -> {
            Long total = rows.size() == 0 ? null : rows.iterator().next().getLong("total");
            Uni<Long> counted = total != null
                    ? Uni.createFrom().item(total)
                    : client.preparedQuery("SELECT count(*) AS total FROM webhook_deliveries" + where)
                            .execute(Tuple.from(countArgs)).map(count -> count.iterator().next().getLong("total"));
            return withAttempts(client, mapAll(rows))
                    .chain(items -> counted.map(n -> new Page<>(items, page, size, n)));
        });
    }

    /** Deletes finished deliveries (and their attempts) last changed before {@code before}. */
    public Uni<Integer> purgeFinishedBefore(SqlClient client, Instant before) {
        return client
                .preparedQuery("DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries "
                        + "WHERE status <> 'PENDING' AND updated_at < $1 LIMIT 10000)")
                .execute(Tuple.of(time(before))).map(RowSet::rowCount);
    }

    private Uni<List<Delivery>> withAttempts(SqlClient client, List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(deliveries);
        }
        UUID[] ids = deliveries.stream().map(Delivery::id).toArray(UUID[]::new);
        return client
                .preparedQuery("SELECT delivery_id, attempt, attempted_at, status_code, latency_ms, error "
                        + "FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY delivery_id, attempt")
                .execute(Tuple.of((Object) ids)).map(rows -> {
                    Map<UUID, List<Delivery.Attempt>> log = new LinkedHashMap<>();
                    for (Row row : rows) {
                        log.computeIfAbsent(row.getUUID("delivery_id"), k -> new ArrayList<>())
                                .add(new Delivery.Attempt(row.getInteger("attempt"),
                                        instant(row.getOffsetDateTime("attempted_at")), row.getInteger("status_code"),
                                        row.getInteger("latency_ms"), row.getString("error")));
                    }
                    return deliveries.stream().map(d -> d.withAttempts(log.getOrDefault(d.id(), List.of()))).toList();
                });
    }

    private static List<Delivery> mapAll(RowSet<Row> rows) {
        List<Delivery> found = new ArrayList<>(rows.size());
        for (Row row : rows) {
            found.add(map(row));
        }
        return found;
    }

    private static Delivery map(Row row) {
        return new Delivery(row.getUUID("id"), row.getString("tenant"), row.getUUID("subscription_id"),
                row.getString("url"), row.getUUID("event_id"), row.getString("event_type"), row.getUUID("run_id"),
                DeliveryStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
                instant(row.getOffsetDateTime("next_attempt_at")), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("updated_at")), instant(row.getOffsetDateTime("delivered_at")),
                row.getInteger("last_status_code"), row.getString("last_error"), List.of());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
