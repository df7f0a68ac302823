package dev.orchestrion.cases.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.config.CasesConfig;
import dev.orchestrion.cases.model.PendingEvent;
import dev.orchestrion.cases.repository.OutboxRepository;

/**
 * Publishes the case outbox to Kafka. Woken right after a change commits (low latency) and by a periodic sweep (for
 * what a crash or a Kafka outage left behind). One round at a time: read the oldest events, send them all, wait for
 * Kafka's acknowledgements, delete what was acknowledged; then the next round, until the outbox is empty. Events are
 * sent in commit order per case, so each case's events reach its partition in order; an event whose send failed stays
 * and is sent again (with the same {@code ce_id}) after a pause.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration BUSY_RETRY = Duration.ofMillis(25);
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    private final OutboxRepository outbox;
    private final CaseEventProducer producer;
    private final int batchSize;
    private final Duration retryBackoff;
    private final Duration roundTimeout;

    /** Runs rounds, one at a time, and the timers that wake the relay again after a pause. */
    private final ScheduledExecutorService relayThread = Executors
            .newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "case-outbox-relay"));
    /** Hands records to the Kafka producer, whose send may block while it has no metadata. */
    private final ExecutorService sendThread = Executors
            .newSingleThreadExecutor(runnable -> daemon(runnable, "case-outbox-send"));

    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long pausedUntilNanos = System.nanoTime();
    private volatile long lastFailureLogNanos;
    private volatile boolean failing;
    private volatile Throwable lastSendFailure;

    public OutboxRelay(OutboxRepository outbox, CaseEventProducer producer, CasesConfig config) {
        this.outbox = outbox;
        this.producer = producer;
        this.batchSize = config.outbox().batchSize();
        this.retryBackoff = config.outbox().retryBackoff();
        this.roundTimeout = config.outbox().deliveryTimeout().plusSeconds(30);
    }

    void onStart(@Observes StartupEvent event) {
        wake();
    }

    @Scheduled(every = "${cases.outbox.sweep-interval:2s}", delayed = "${cases.outbox.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    /** Asks for a round soon; cheap, never blocks, and coalesces with a round already running. */
    public void wake() {
        pending.set(true);
        if (System.nanoTime() - pausedUntilNanos < 0) {
            return;
        }
        if (running.compareAndSet(false, true)) {
            relayThread.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (pending.getAndSet(false)) {
                OutboxRepository.Round round;
                do {
                    round = outbox.relayRound(batchSize, this::publish).await().atMost(roundTimeout);
                    if (round.busy()) {
                        pauseFor(BUSY_RETRY);
                        return;
                    }
                    if (round.failed()) {
                        Throwable cause = lastSendFailure;
                        reportFailure(round.read() - round.published() + " of " + round.read()
                                + " case events were not acknowledged by Kafka"
                                + (cause == null ? "" : " (" + cause + ")"));
                        pauseFor(retryBackoff);
                        return;
                    }
                    reportRecovery();
                } while (round.read() == batchSize);
            }
        } catch (RuntimeException e) {
            reportFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
            pauseFor(retryBackoff);
        } finally {
            running.set(false);
            if (pending.get() && System.nanoTime() - pausedUntilNanos >= 0 && running.compareAndSet(false, true)) {
                relayThread.execute(this::drain);
            }
        }
    }

    /** Sends the round's events in order; answers the sequence numbers of those Kafka acknowledged. */
    private Uni<Set<Long>> publish(List<PendingEvent> events) {
        return Uni.createFrom().item(() -> {
            List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
            for (PendingEvent event : events) {
                acks.add(producer.send(event));
            }
            return acks;
        }).runSubscriptionOn(sendThread).chain(acks -> Uni.createFrom().completionStage(
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> {
                    Set<Long> acknowledged = new HashSet<>();
                    for (int i = 0; i < events.size(); i++) {
                        if (!acks.get(i).isCompletedExceptionally()) {
                            acknowledged.add(events.get(i).seq());
                        }
                    }
                    if (failure != null) {
                        lastSendFailure = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                    }
                    return acknowledged;
                })));
    }

    /** No round before {@code pause} has passed; then one more, which picks up whatever is still waiting. */
    private void pauseFor(Duration pause) {
        pending.set(true);
        pausedUntilNanos = System.nanoTime() + pause.toNanos();
        relayThread.schedule(this::resume, pause.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void resume() {
        pausedUntilNanos = System.nanoTime();
        wake();
    }

    private void reportFailure(String what) {
        long now = System.nanoTime();
        if (!failing || now - lastFailureLogNanos > LOG_EVERY.toNanos()) {
            LOG.warnf("Case event outbox: %s; retrying every %s ms until it works", what, retryBackoff.toMillis());
            lastFailureLogNanos = now;
        }
        failing = true;
    }

    private void reportRecovery() {
        if (failing) {
            failing = false;
            LOG.info("Case event outbox: publishing again");
        }
    }

    @PreDestroy
    void stop() {
        relayThread.shutdownNow();
        sendThread.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
