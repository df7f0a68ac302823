package dev.orchestrion.runner.trigger.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.trigger.model.RegisteredTrigger;
import dev.orchestrion.runner.trigger.repository.TriggerRegistryRepository;

/**
 * A tenant's active HTTP bindings per method, as every call to {@code /hooks/...} needs them: read from the registry
 * once and kept for {@link #KEPT} (a binding changes when its definition is started, paused or finalized, rarely
 * compared with the calls it serves). This instance forgets a tenant's bindings as soon as it applies a change to its
 * registry; other instances see the change within {@link #KEPT}.
 */
@ApplicationScoped
public class HttpBindings {

    static final Duration KEPT = Duration.ofSeconds(2);
    private static final int MOST_KEPT = 10_000;

    private record Kept(List<RegisteredTrigger> bindings, long until) {
    }

    private final Pool pool;
    private final TriggerRegistryRepository registry;
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

    public HttpBindings(Pool pool, TriggerRegistryRepository registry) {
        this.pool = pool;
        this.registry = registry;
    }

    public Uni<List<RegisteredTrigger>> active(String tenant, String method) {
        String key = tenant + " " + method;
        Kept known = kept.get(key);
        long now = System.nanoTime();
        if (known != null && now - known.until() < 0) {
            return Uni.createFrom().item(known.bindings());
        }
        return registry.activeHttpBindings(pool, tenant, method).invoke(bindings -> {
            if (kept.size() >= MOST_KEPT) {
                kept.clear();
            }
            kept.put(key, new Kept(List.copyOf(bindings), now + KEPT.toNanos()));
        });
    }

    /** The tenant's bindings changed here: read them again on the next call. */
    void forget(String tenant) {
        kept.keySet().removeIf(key -> key.startsWith(tenant + " "));
    }
}
