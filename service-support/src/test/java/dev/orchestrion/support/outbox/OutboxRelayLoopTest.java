package dev.orchestrion.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.messaging.RecordProducer;

/** The relay loop over an in-memory store and Kafka's in-memory producer. */
class OutboxRelayLoopTest {

    private static final Duration BACKOFF = Duration.ofMillis(200);
    private static final Duration AT_MOST = Duration.ofSeconds(10);

    private final MockProducer<String, String> kafka = new MockProducer<>(true, null, new StringSerializer(),
            new StringSerializer());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FakeStore store = new FakeStore();
    private OutboxRelayLoop<Long> loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    @Test
    void aWakePublishesEveryPendingEntryInOrderRoundAfterRoundAndRemovesIt() {
        store.add(7);
        loop = loop(3);

        loop.wake();

        await().atMost(AT_MOST).until(() -> store.size() == 0);
        assertThat(sentValues()).containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7");
        assertThat(store.limits).containsExactly(3, 3, 3);
        assertThat(store.sweeps).as("a wake is not a sweep").containsOnly(false);
        assertThat(counter("orchestrion.outbox.published")).isEqualTo(7.0);
    }

    @Test
    void startSweepsWhatWasLeftBehindWithoutAWake() {
        store.add(2);
        loop = loop(10);

        loop.start();

        await().atMost(AT_MOST).until(() -> store.size() == 0);
        assertThat(sentValues()).containsExactly("e1", "e2");
        assertThat(store.sweeps.get(0)).isTrue();
    }

    @Test
    void whileKafkaIsDownEntriesStayAndTheLoopRestsBetweenRoundsThenPublishesThemInOrder() {
        kafka.sendException = new TimeoutException("Kafka is down");
        store.add(3);
        loop = loop(10);
        long begin = System.nanoTime();

        loop.wake();

        await().atMost(AT_MOST).until(() -> store.rounds.get() >= 3);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
        assertThat(elapsed).as("two rests between three failed rounds").isGreaterThanOrEqualTo(BACKOFF.multipliedBy(2));
        assertThat(store.size()).isEqualTo(3);
        assertThat(counter("orchestrion.outbox.send.failures")).isGreaterThanOrEqualTo(9.0);
        assertThat(store.sweeps.subList(1, 3)).as("after a failure the loop sweeps").containsOnly(true);

        kafka.sendException = null;

        await().atMost(AT_MOST).until(() -> store.size() == 0);
        assertThat(sentValues()).containsExactly("e1", "e2", "e3");
    }

    @Test
    void onlyWhatKafkaAcknowledgedIsRemoved() {
        MockProducer<String, String> manual = new MockProducer<>(false, null, new StringSerializer(),
                new StringSerializer());
        store.add(3);
        loop = new OutboxRelayLoop<>(store, new RecordProducer(manual), settings(10), meters);

        loop.wake();
        await().atMost(AT_MOST).until(() -> manual.history().size() == 3);
        manual.completeNext();
        manual.errorNext(new TimeoutException("not acknowledged"));
        manual.completeNext();

        await().atMost(AT_MOST).until(() -> store.size() == 1);
        assertThat(store.ids()).containsExactly(2L);
    }

    @Test
    void aBusyStoreIsAskedAgainShortly() {
        store.add(2);
        store.busyRounds.set(2);
        loop = loop(10);

        loop.wake();

        await().atMost(AT_MOST).until(() -> store.size() == 0);
        assertThat(store.rounds.get()).isEqualTo(3);
    }

    @Test
    void publishCommittedSendsAtOnceWithoutReadingTheStoreAndRemovesInOneBatch() {
        loop = loop(10);

        for (long id = 1; id <= 3; id++) {
            loop.publishCommitted(id, List.of(record("c" + id))).await().atMost(AT_MOST);
        }

        assertThat(sentValues()).as("sent before the call answered").containsExactly("c1", "c2", "c3");
        await().atMost(AT_MOST).until(() -> store.removeCalls.size() == 1);
        assertThat(store.removeCalls.get(0)).containsExactly(1L, 2L, 3L);
        assertThat(store.rounds.get()).isZero();
    }

    @Test
    void aCommittedEntryKafkaRefusedStaysForTheSweep() {
        kafka.sendException = new TimeoutException("Kafka is down");
        loop = loop(10);
        store.add(1);

        loop.publishCommitted(1L, List.of(record("e1"))).await().atMost(AT_MOST);

        assertThat(counter("orchestrion.outbox.send.failures")).isEqualTo(1.0);
        kafka.sendException = null;
        loop.sweep();
        await().atMost(AT_MOST).until(() -> store.size() == 0);
        assertThat(store.removeCalls).as("removed by the sweep's round, not as a committed entry").isEmpty();
        assertThat(sentValues()).containsExactly("e1");
    }

    @Test
    void theBacklogGaugeIsMeasuredAtEachSweep() {
        kafka.sendException = new TimeoutException("Kafka is down");
        store.add(4);
        loop = loop(10);

        loop.sweep();

        await().atMost(AT_MOST)
                .until(() -> meters.get("orchestrion.outbox.backlog").tag("outbox", "test").gauge().value() == 4.0);
    }

    private OutboxRelayLoop<Long> loop(int batchSize) {
        return new OutboxRelayLoop<>(store, new RecordProducer(kafka), settings(batchSize), meters);
    }

    private static RelaySettings settings(int batchSize) {
        return new RelaySettings("test", batchSize, Duration.ofHours(1), BACKOFF, Duration.ofSeconds(5));
    }

    private List<String> sentValues() {
        return kafka.history().stream().map(ProducerRecord::value).toList();
    }

    private double counter(String name) {
        return meters.get(name).tag("outbox", "test").counter().count();
    }

    private static OutgoingRecord record(String value) {
        return new OutgoingRecord("t", "k", Map.of("ce_id", value), value);
    }

    /** An outbox in a list: rows e1, e2, ... with ids 1, 2, ... */
    private static final class FakeStore implements OutboxStore<Long> {

        private final List<PendingEntry<Long>> rows = new ArrayList<>();
        final AtomicInteger rounds = new AtomicInteger();
        final AtomicInteger busyRounds = new AtomicInteger();
        final List<Integer> limits = new CopyOnWriteArrayList<>();
        final List<Boolean> sweeps = new CopyOnWriteArrayList<>();
        final List<List<Long>> removeCalls = new CopyOnWriteArrayList<>();
        private long next = 1;

        synchronized void add(int count) {
            for (int i = 0; i < count; i++, next++) {
                rows.add(new PendingEntry<>(next, List.of(record("e" + next))));
            }
        }

        synchronized int size() {
            return rows.size();
        }

        synchronized List<Long> ids() {
            return rows.stream().map(PendingEntry::id).toList();
        }

        @Override
        public Uni<Round> relayRound(int limit, boolean sweep,
                Function<List<PendingEntry<Long>>, Uni<Set<Long>>> publish) {
            rounds.incrementAndGet();
            sweeps.add(sweep);
            if (busyRounds.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Uni.createFrom().item(Round.BUSY);
            }
            limits.add(limit);
            List<PendingEntry<Long>> batch;
            synchronized (this) {
                batch = List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
            }
            if (batch.isEmpty()) {
                return Uni.createFrom().item(new Round(false, 0, 0, false));
            }
            return publish.apply(batch).map(acknowledged -> {
                synchronized (this) {
                    rows.removeIf(row -> acknowledged.contains(row.id()));
                }
                return new Round(false, batch.size(), acknowledged.size(), batch.size() == limit);
            });
        }

        @Override
        public synchronized Uni<Long> backlog() {
            return Uni.createFrom().item((long) rows.size());
        }

        @Override
        public Uni<Void> remove(List<Long> published) {
            removeCalls.add(List.copyOf(published));
            synchronized (this) {
                Set<Long> ids = new HashSet<>(published);
                rows.removeIf(row -> ids.contains(row.id()));
            }
            return Uni.createFrom().voidItem();
        }
    }
}
