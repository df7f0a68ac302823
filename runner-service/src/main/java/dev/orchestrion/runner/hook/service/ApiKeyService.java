package dev.orchestrion.runner.hook.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.cache.CacheChannel;
import dev.orchestrion.runner.cache.NotifiedCache;
import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.hook.model.ApiKey;
import dev.orchestrion.runner.hook.repository.ApiKeyRepository;
import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

/**
 * API keys for HTTP bindings: issued with 256 random bits ({@code ohk_...}), shown once, stored as a SHA-256 hash
 * (the key has full entropy, so a plain hash is as strong as a slow one), scoped to a tenant and the workflows it may
 * start, revocable. Verified keys are kept in memory; a revocation announces the key's hash on {@link CacheChannel} in
 * its own statement, so every instance forgets the key as soon as it commits.
 */
@ApplicationScoped
public class ApiKeyService implements NotifiedCache {

    private static final String PREFIX = "ohk_";
    private static final int MOST_KNOWN = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final ApiKeyRepository keys;
    private final DefinitionCatalog definitions;
    /**
     * How long a verified key is answered from memory at most: a revocation's notice evicts it at once, so this
     * bounds the delay only on an instance whose cache listener is disconnected.
     */
    private final long knownForNanos;
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
    /** Counts evictions: a key read before one is not kept, as it may be what the eviction was about. */
    private final AtomicLong evictions = new AtomicLong();

    /** A valid key, by its hash, until {@code until} (System.nanoTime). Unknown or revoked keys are never kept. */
    private record Known(ApiKey key, long until) {
    }

    public ApiKeyService(Pool pool, ApiKeyRepository keys, DefinitionCatalog definitions, RunnerConfig config) {
        this.pool = pool;
        this.keys = keys;
        this.definitions = definitions;
        this.knownForNanos = config.cache().apiKeysKept().toNanos();
    }

    /** A newly issued key and the key itself (the only time it is known). */
    public record Issued(ApiKey apiKey, String key) {
    }

    /** Issues a key for workflows of the tenant; an id the tenant has no definition of is a 422 naming it. */
    public Uni<Issued> issue(String tenant, String actor, String name, List<UUID> definitionIds) {
        return requireDefinitions(tenant, definitionIds).chain(() -> store(tenant, actor, name, definitionIds));
    }

    /** Every id must name a definition of the tenant: another tenant's is as unknown as one that never existed. */
    private Uni<Void> requireDefinitions(String tenant, List<UUID> definitionIds) {
        return Multi.createFrom().range(0, definitionIds.size()).onItem()
                .transformToUni(i -> definitions.definition(tenant, definitionIds.get(i).toString())
                        .map(found -> found == null ? i : null))
                .merge(8).filter(Objects::nonNull).collect().asList().invoke(unknown -> {
                    if (!unknown.isEmpty()) {
                        List<Problem.FieldError> errors = unknown.stream().sorted()
                                .map(i -> new Problem.FieldError("definitionIds[" + i + "]",
                                        "no workflow definition " + definitionIds.get(i) + " in your tenant"))
                                .toList();
                        throw ProblemException.unprocessable(
                                "The key may only start workflows of your tenant; " + errors.size() + " of the "
                                        + definitionIds.size() + " definition ids are unknown here",
                                errors);
                    }
                }).replaceWithVoid();
    }

    private Uni<Issued> store(String tenant, String actor, String name, List<UUID> definitionIds) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey apiKey = new ApiKey(UUID.randomUUID(), tenant, name, key.substring(0, 12),
                List.copyOf(new LinkedHashSet<>(definitionIds)), Instant.now().truncatedTo(ChronoUnit.MICROS), actor,
                null);
        return keys.insert(pool, apiKey, hash(key)).replaceWith(new Issued(apiKey, key));
    }

    public Uni<List<ApiKey>> list(String tenant) {
        return keys.listInTenant(pool, tenant);
    }

    public Uni<ApiKey> revoke(String tenant, UUID id) {
        return keys.revoke(pool, tenant, id, Instant.now()).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("API key", id)).invoke(() -> {
                    // the notice reaches this instance too, but a little later: refuse the key here from now on
                    evictions.incrementAndGet();
                    known.values().removeIf(k -> k.key().id().equals(id));
                });
    }

    @Override
    public String kind() {
        return CacheChannel.API_KEY;
    }

    /** Forgets the key with this hash (revoked on some instance). */
    @Override
    public void forget(String keyHash) {
        evictions.incrementAndGet();
        known.remove(keyHash);
    }

    @Override
    public void forgetAll() {
        evictions.incrementAndGet();
        known.clear();
    }

    /** The key's record if it is valid for the tenant; 401 otherwise (missing, unknown, revoked, another tenant's). */
    public Uni<ApiKey> authenticate(String tenant, String key) {
        if (key == null || key.isBlank()) {
            return Uni.createFrom().failure(unauthorized("An API key is required in the X-API-Key header"));
        }
        String hash = hash(key.trim());
        long now = System.nanoTime();
        Known remembered = known.get(hash);
        if (remembered != null && now - remembered.until() < 0) {
            return Uni.createFrom().item(() -> validFor(tenant, remembered.key()));
        }
        long evictionsBefore = evictions.get();
        return keys.findByHash(pool, hash).map(found -> {
            ApiKey valid = validFor(tenant, found);
            if (known.size() >= MOST_KNOWN) {
                known.clear();
            }
            if (evictions.get() == evictionsBefore) {
                known.put(hash, new Known(valid, now + knownForNanos));
            }
            return valid;
        });
    }

    private static ApiKey validFor(String tenant, ApiKey found) {
        if (found == null || found.revoked() || !found.tenant().equals(tenant)) {
            throw unauthorized("The API key is not valid for this tenant");
        }
        return found;
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail, List.of());
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
