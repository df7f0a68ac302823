package dev.orchestrion.runner.client;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Shares one call among everyone asking for the same key while it is under way: a burst of run requests for a
 * definition not cached yet makes one call to its service, not hundreds. The answer (or failure) is not kept.
 */
final class InFlight<T> {

    private final Map<String, CompletableFuture<T>> pending = new ConcurrentHashMap<>();

    Uni<T> get(String key, Supplier<Uni<T>> call) {
        return Uni.createFrom().completionStage(() -> {
            CompletableFuture<T> mine = new CompletableFuture<>();
            CompletableFuture<T> running = pending.putIfAbsent(key, mine);
            if (running != null) {
                return running;
            }
            try {
                call.get().subscribe().with(item -> {
                    pending.remove(key, mine);
                    mine.complete(item);
                }, failure -> {
                    pending.remove(key, mine);
                    mine.completeExceptionally(failure);
                });
            } catch (RuntimeException e) {
                pending.remove(key, mine);
                mine.completeExceptionally(e);
            }
            return mine;
        });
    }
}
