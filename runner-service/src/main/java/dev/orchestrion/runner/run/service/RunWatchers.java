package dev.orchestrion.runner.run.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Long-poll waiters: a client waiting for a run to end holds a future, not a thread. Waiters are woken by the run
 * events every instance consumes (and at once by this instance's executor), or give up after their wait.
 */
@ApplicationScoped
public class RunWatchers {

    private final Map<UUID, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

    /**
     * Registers a waiter before the caller reads the run, so that an end reported in between is not missed. The
     * waiter's {@link Waiter#await} completes when the run is reported ended or after {@code max}; never fails.
     */
    public Waiter register(UUID runId) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(future);
        return new Waiter(runId, future);
    }

    /** One long-poll waiter. */
    public final class Waiter {

        private final UUID runId;
        private final CompletableFuture<Void> future;

        private Waiter(UUID runId, CompletableFuture<Void> future) {
            this.runId = runId;
            this.future = future;
        }

        public Uni<Void> await(Duration max) {
            return Uni.createFrom().completionStage(future).ifNoItem().after(max).recoverWithItem((Void) null)
                    .eventually(this::close);
        }

        public void close() {
            forget(runId, future);
        }
    }

    /** Wakes every waiter of the run. */
    public void ended(UUID runId) {
        List<CompletableFuture<Void>> waiting = waiters.remove(runId);
        if (waiting != null) {
            waiting.forEach(f -> f.complete(null));
        }
    }

    public int waiting() {
        return waiters.size();
    }

    private void forget(UUID runId, CompletableFuture<Void> future) {
        waiters.computeIfPresent(runId, (id, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        });
    }
}
