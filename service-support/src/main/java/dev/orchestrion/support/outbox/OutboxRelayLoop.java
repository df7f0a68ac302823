package dev.orchestrion.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.messaging.RecordProducer;

/**
 * Publishes a service's outbox to Kafka; the same loop for every store ({@link OutboxStore}).
 * <ul>
 * <li>{@link #wake()} right after a change commits asks for a round soon; wakes coalesce with a round under way.</li>
 * <li>A round reads the oldest pending entries, hands all their records to the idempotent producer in order, waits
 * for Kafka's acknowledgements and has the store remove (or mark) what was acknowledged; rounds follow each other
 * until the outbox is empty. One round at a time, so entries reach their partitions in outbox order.</li>
 * <li>{@link #publishCommitted} is for a writer that holds its records already (the runner's hot path): they are
 * sent at once, without reading them back, and removed in batches afterwards.</li>
 * <li>A sweep on start and every {@code sweepInterval} finds what a crash or an outage left behind.</li>
 * <li>After a failed round the loop rests for {@code retryBackoff} (Kafka down: no busy loop), then sweeps.</li>
 * </ul>
 * Delivery is at least once: an entry published but not yet removed when the service dies is published again, with
 * the same {@code ce_id}, which consumers drop.
 *
 * @param <I> what the store knows one entry by
 */
public final class OutboxRelayLoop<I> {

    private static final Logger LOG = Logger.getLogger(OutboxRelayLoop.class);
    /** Another instance holds the store's relay lock: look again shortly (its round may have missed our rows). */
    static final Duration BUSY_RETRY = Duration.ofMillis(25);
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);
    /** Entries published right after their commit are removed in batches, this long after the first one. */
    static final Duration REMOVE_DELAY = Duration.ofMillis(100);
    private static final int REMOVE_BATCH = 5000;

    private final OutboxStore<I> store;
    private final RecordProducer producer;
    private final RelaySettings settings;

    /** Sweep ticks, the end of a pause, batched removals, backlog measurements. */
    private final ScheduledExecutorService timerThread;
    /** Runs rounds, one at a time. */
    private final ExecutorService relayThread;
    /** Hands records to the producer, whose send may block while it has no metadata (Kafka down). */
    private final ExecutorService sendThread;

    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean sweepPending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean removalScheduled = new AtomicBoolean();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final ConcurrentLinkedQueue<I> toRemove = new ConcurrentLinkedQueue<>();
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter notAcknowledged;
    private volatile long pausedUntilNanos = System.nanoTime();
    private volatile long lastFailureLogNanos;
    private volatile boolean failing;
    private volatile boolean stopped;
    private volatile Throwable lastSendFailure;

    public OutboxRelayLoop(OutboxStore<I> store, RecordProducer producer, RelaySettings settings,
            MeterRegistry registry) {
        this.store = store;
        this.producer = producer;
        this.settings = settings;
        this.timerThread = Executors
                .newSingleThreadScheduledExecutor(r -> daemon(r, settings.name() + "-outbox-timer"));
        this.relayThread = Executors.newSingleThreadExecutor(r -> daemon(r, settings.name() + "-outbox-relay"));
        this.sendThread = Executors.newSingleThreadExecutor(r -> daemon(r, settings.name() + "-outbox-send"));
        Gauge.builder("orchestrion.outbox.backlog", backlog, AtomicLong::get).tag("outbox", settings.name())
                .description("Outbox entries waiting to be published (measured at each sweep)").register(registry);
        this.published = Counter.builder("orchestrion.outbox.published").tag("outbox", settings.name())
                .description("Records the outbox relay published and Kafka acknowledged").register(registry);
        this.notAcknowledged = Counter.builder("orchestrion.outbox.send.failures").tag("outbox", settings.name())
                .description("Records Kafka did not acknowledge; they stay in the outbox and are sent again")
                .register(registry);
    }

    /** Sweeps now (what the last run of the service left behind) and every {@code sweepInterval} from now on. */
    public void start() {
        long every = Math.max(1, settings.sweepInterval().toMillis());
        timerThread.scheduleWithFixedDelay(this::sweepTick, 0, every, TimeUnit.MILLISECONDS);
    }

    private void sweepTick() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again: log and keep sweeping.
            LOG.warnf("Outbox %s: sweep failed: %s", settings.name(), e.getMessage());
        }
    }

    /** Stops the loop's threads; what is not published stays in the outbox for the next start. */
    public void stop() {
        stopped = true;
        timerThread.shutdownNow();
        relayThread.shutdownNow();
        sendThread.shutdownNow();
    }

    /** Asks for a round soon: cheap, never blocks, coalesces with a round under way. */
    public void wake() {
        pending.set(true);
        startDrainUnlessBusy();
    }

    /** Asks for a round that looks for everything pending, and measures the backlog. */
    public void sweep() {
        sweepPending.set(true);
        wake();
        measureBacklog();
    }

    /**
     * Publishes an entry its writer has just committed, without reading it back: sent at once, removed in a batch
     * shortly after Kafka acknowledged it. If Kafka does not, the entry stays for the sweep. Never fails.
     */
    public Uni<Void> publishCommitted(I id, List<OutgoingRecord> records) {
        return producer.send(records).onItemOrFailure().transform((ok, failure) -> {
            if (failure == null) {
                published.increment(records.size());
                removeSoon(id);
            } else {
                notAcknowledged.increment(records.size());
                LOG.warnf("Outbox %s: entry %s not published yet (%s); the sweep will retry", settings.name(), id,
                        failure.getMessage());
            }
            return null;
        });
    }

    /** Rows (or documents) waiting at the last sweep. */
    public long backlog() {
        return backlog.get();
    }

    private void startDrainUnlessBusy() {
        if (stopped || System.nanoTime() - pausedUntilNanos < 0 || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            relayThread.execute(this::drain);
        } catch (RejectedExecutionException stopping) {
            running.set(false);
        }
    }

    private void drain() {
        try {
            while (!stopped && pending.getAndSet(false)) {
                boolean sweep = sweepPending.getAndSet(false);
                OutboxStore.Round round;
                do {
                    round = store.relayRound(settings.batchSize(), sweep, this::publish).await()
                            .atMost(settings.roundTimeout());
                    if (round.busy()) {
                        pauseFor(BUSY_RETRY, sweep);
                        return;
                    }
                    if (round.failed()) {
                        Throwable cause = lastSendFailure;
                        reportFailure(round.read() - round.published() + " of " + round.read()
                                + " entries were not acknowledged by Kafka"
                                + (cause == null ? "" : " (" + cause + ")"));
                        pauseFor(settings.retryBackoff(), true);
                        return;
                    }
                    reportRecovery();
                } while (round.more() && !stopped);
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                reportFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
                pauseFor(settings.retryBackoff(), true);
            }
        } finally {
            running.set(false);
            if (pending.get()) {
                startDrainUnlessBusy();
            }
        }
    }

    /** Sends the round's records in order; answers the entries whose records Kafka all acknowledged. */
    private Uni<Set<I>> publish(List<PendingEntry<I>> entries) {
        return Uni.createFrom().item(() -> {
            List<List<CompletableFuture<Void>>> acks = new ArrayList<>(entries.size());
            for (PendingEntry<I> entry : entries) {
                acks.add(producer.sendEach(entry.records()));
            }
            return acks;
        }).runSubscriptionOn(sendThread)
                .chain(acks -> Uni.createFrom()
                        .completionStage(CompletableFuture
                                .allOf(acks.stream().flatMap(List::stream).toArray(CompletableFuture[]::new))
                                .handle((ignored, failure) -> {
                                    if (failure != null) {
                                        lastSendFailure = failure instanceof CompletionException
                                                && failure.getCause() != null ? failure.getCause() : failure;
                                    }
                                    return acknowledged(entries, acks);
                                })));
    }

    private Set<I> acknowledged(List<PendingEntry<I>> entries, List<List<CompletableFuture<Void>>> acks) {
        Set<I> acknowledged = new HashSet<>();
        long sent = 0;
        long failed = 0;
        for (int i = 0; i < entries.size(); i++) {
            long failures = acks.get(i).stream().filter(CompletableFuture::isCompletedExceptionally).count();
            if (failures == 0) {
                acknowledged.add(entries.get(i).id());
            }
            failed += failures;
            sent += acks.get(i).size() - failures;
        }
        published.increment(sent);
        notAcknowledged.increment(failed);
        return acknowledged;
    }

    /** No round before {@code pause} has passed; then one more, which picks up whatever is still waiting. */
    private void pauseFor(Duration pause, boolean sweepAfter) {
        pending.set(true);
        if (sweepAfter) {
            sweepPending.set(true);
        }
        pausedUntilNanos = System.nanoTime() + pause.toNanos();
        schedule(this::resume, pause);
    }

    private void resume() {
        pausedUntilNanos = System.nanoTime();
        wake();
    }

    private void removeSoon(I id) {
        toRemove.add(id);
        scheduleRemoval(REMOVE_DELAY);
    }

    private void scheduleRemoval(Duration delay) {
        if (removalScheduled.compareAndSet(false, true) && !schedule(this::removePublished, delay)) {
            removalScheduled.set(false);
        }
    }

    private void removePublished() {
        List<I> ids = new ArrayList<>();
        I id;
        while (ids.size() < REMOVE_BATCH && (id = toRemove.poll()) != null) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            removalScheduled.set(false);
            return;
        }
        store.remove(ids).subscribe().with(done -> {
            removalScheduled.set(false);
            if (!toRemove.isEmpty()) {
                scheduleRemoval(Duration.ZERO);
            }
        }, failure -> {
            // Still published: removed by the next attempt, or published once more by the sweep if this instance dies.
            toRemove.addAll(ids);
            LOG.debugf("Outbox %s: removing %d published entries failed, retrying: %s", settings.name(), ids.size(),
                    failure.getMessage());
            removalScheduled.set(false);
            scheduleRemoval(settings.retryBackoff());
        });
    }

    private void measureBacklog() {
        if (stopped || !measuring.compareAndSet(false, true)) {
            return;
        }
        store.backlog().subscribe().with(waiting -> {
            backlog.set(waiting);
            measuring.set(false);
        }, failure -> {
            LOG.debugf("Outbox %s: backlog not measured: %s", settings.name(), failure.getMessage());
            measuring.set(false);
        });
    }

    private boolean schedule(Runnable task, Duration delay) {
        if (stopped) {
            return false;
        }
        try {
            timerThread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    private void reportFailure(String what) {
        long now = System.nanoTime();
        if (!failing || now - lastFailureLogNanos > LOG_EVERY.toNanos()) {
            LOG.warnf("Outbox %s: %s; retrying every %d ms until it works", settings.name(), what,
                    settings.retryBackoff().toMillis());
            lastFailureLogNanos = now;
        }
        failing = true;
    }

    private void reportRecovery() {
        if (failing) {
            failing = false;
            LOG.infof("Outbox %s: publishing again", settings.name());
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
