package dev.orchestrion.runner.trigger.service;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.cache.CacheChannel;
import dev.orchestrion.runner.cache.NotifiedCache;
import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.runner.trigger.model.RegisteredTrigger;
import dev.orchestrion.runner.trigger.repository.TriggerRegistryRepository;

/**
 * A tenant's active HTTP bindings per method, as every call to {@code /hooks/...} needs them: read from the registry
 * once and kept (a binding changes when its definition is started, paused or finalized, rarely compared with the
 * calls it serves). The registry change that alters a tenant's bindings announces it on {@link CacheChannel} in its
 * transaction, so every instance forgets them when it commits (this one also at once, without waiting for the
 * notice); {@code orchestrion.runner.cache.bindings-kept} bounds the delay only while an instance's cache listener is disconnected.
 */
@ApplicationScoped
public class HttpBindings implements NotifiedCache {

    private static final int MOST_TENANTS_KEPT = 10_000;

    private record Kept(List<RegisteredTrigger> bindings, long until) {
    }

    private final Pool pool;
    private final TriggerRegistryRepository registry;
    private final long keptNanos;
    /** Tenant, then method: forgetting a tenant is one removal. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Kept>> kept = new ConcurrentHashMap<>();
    /** Counts evictions: bindings read before one are not kept, as they may be what the eviction was about. */
    private final AtomicLong evictions = new AtomicLong();

    public HttpBindings(Pool pool, TriggerRegistryRepository registry, RunnerConfig config) {
        this.pool = pool;
        this.registry = registry;
        this.keptNanos = config.cache().bindingsKept().toNanos();
    }

    public Uni<List<RegisteredTrigger>> active(String tenant, String method) {
        ConcurrentHashMap<String, Kept> tenants = kept.get(tenant);
        Kept known = tenants == null ? null : tenants.get(method);
        long now = System.nanoTime();
        if (known != null && now - known.until() < 0) {
            return Uni.createFrom().item(known.bindings());
        }
        long evictionsBefore = evictions.get();
        return registry.activeHttpBindings(pool, tenant, method).invoke(bindings -> {
            if (evictions.get() != evictionsBefore) {
                return;
            }
            if (kept.size() >= MOST_TENANTS_KEPT) {
                kept.clear();
            }
            kept.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(method,
                    new Kept(List.copyOf(bindings), now + keptNanos));
        });
    }

    @Override
    public String kind() {
        return CacheChannel.BINDINGS;
    }

    /** The tenant's bindings changed (here or on another instance): read them again on the next call. */
    @Override
    public void forget(String tenant) {
        evictions.incrementAndGet();
        kept.remove(tenant);
    }

    @Override
    public void forgetAll() {
        evictions.incrementAndGet();
        kept.clear();
    }
}
