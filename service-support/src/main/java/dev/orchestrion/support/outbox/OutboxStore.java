package dev.orchestrion.support.outbox;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * Where a service's outbox lives, as {@link OutboxRelayLoop} sees it: {@link TableOutbox} (a PostgreSQL table) or
 * {@link DocumentOutbox} (events inside the changed MongoDB documents).
 *
 * @param <I> what the store knows one entry by
 */
public interface OutboxStore<I> {

    /**
     * What one round did.
     *
     * @param busy another relay (another instance) is at it; nothing was read
     * @param read how many entries the round read
     * @param published how many of them Kafka acknowledged (and were removed or marked)
     * @param more whether entries may be left that this round did not read
     */
    record Round(boolean busy, int read, int published, boolean more) {

        public static final Round BUSY = new Round(true, 0, 0, false);

        public boolean failed() {
            return published < read;
        }
    }

    /**
     * One round: reads up to {@code limit} pending entries, oldest first, hands them to {@code publish} (which answers
     * those Kafka acknowledged) and removes or marks those.
     *
     * @param sweep look for everything pending, not only for what the service pointed out since the last round
     */
    Uni<Round> relayRound(int limit, boolean sweep, Function<List<PendingEntry<I>>, Uni<Set<I>>> publish);

    /** How many entries wait, for {@code orchestrion_outbox_backlog}. */
    Uni<Long> backlog();

    /** Removes entries that were published right after their commit ({@link OutboxRelayLoop#publishCommitted}). */
    default Uni<Void> remove(List<I> published) {
        return Uni.createFrom().failure(new UnsupportedOperationException(
                getClass().getSimpleName() + " entries are published by rounds only"));
    }
}
