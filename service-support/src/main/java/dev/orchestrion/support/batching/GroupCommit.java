package dev.orchestrion.support.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * Group commit: writes submitted while a write is in flight wait and go together in the next one, so N concurrent
 * writers cost one round trip and one fsync instead of N, with no timer and no added latency when there is no
 * contention (the first submission is written at once). Each submitter's {@code Uni} completes when the write that
 * carried its item did, and fails with that write's failure.
 *
 * @param <T> what one submitter writes
 */
public final class GroupCommit<T> {

    private final Function<List<T>, Uni<Void>> write;
    private final int maxBatch;
    private final Object lock = new Object();
    private List<Pending<T>> waiting = new ArrayList<>();
    private boolean writing;

    private record Pending<T>(T item, CompletableFuture<Void> done) {
    }

    /**
     * @param write writes a batch of items in one go (one statement, one transaction)
     * @param maxBatch the most items one write carries; the rest wait for the next
     */
    public GroupCommit(Function<List<T>, Uni<Void>> write, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.write = write;
        this.maxBatch = maxBatch;
    }

    /** Writes {@code item} with whatever else is waiting; completes once it is written. */
    public Uni<Void> submit(T item) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            boolean first;
            synchronized (lock) {
                waiting.add(new Pending<>(item, done));
                first = !writing;
                writing = true;
            }
            if (first) {
                writeNext();
            }
            return Uni.createFrom().completionStage(done);
        });
    }

    private void writeNext() {
        List<Pending<T>> batch;
        synchronized (lock) {
            if (waiting.isEmpty()) {
                writing = false;
                return;
            }
            if (waiting.size() <= maxBatch) {
                batch = waiting;
                waiting = new ArrayList<>();
            } else {
                batch = new ArrayList<>(waiting.subList(0, maxBatch));
                waiting = new ArrayList<>(waiting.subList(maxBatch, waiting.size()));
            }
        }
        List<T> items = new ArrayList<>(batch.size());
        batch.forEach(p -> items.add(p.item()));
        Uni<Void> written;
        try {
            written = write.apply(items);
        } catch (RuntimeException e) {
            written = Uni.createFrom().failure(e);
        }
        written.subscribe().with(ok -> {
            batch.forEach(p -> p.done().complete(null));
            writeNext();
        }, failure -> {
            batch.forEach(p -> p.done().completeExceptionally(failure));
            writeNext();
        });
    }
}
