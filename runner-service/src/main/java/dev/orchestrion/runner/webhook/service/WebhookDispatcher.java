package dev.orchestrion.runner.webhook.service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.background.Periodic;
import dev.orchestrion.runner.background.ShuttingDown;
import dev.orchestrion.runner.config.WebhookConfig;
import dev.orchestrion.runner.observability.RunMetrics;
import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.outbound.GuardedWebClient;
import dev.orchestrion.runner.webhook.model.ClaimedDelivery;
import dev.orchestrion.runner.webhook.model.DeliveryStatus;
import dev.orchestrion.runner.webhook.repository.DeliveryRepository;
import dev.orchestrion.support.batching.GroupCommit;
import dev.orchestrion.support.outbound.OutboundTargets;
import dev.orchestrion.support.outbound.RefusedTarget;

/**
 * Sends webhook deliveries. Each instance bounds the deliveries in flight per target (a subscription, or a callback
 * host), so a slow or dead receiver fills only its own slots and never delays another receiver; a delivery that
 * finds no slot waits in the database for a later poll. Sending never blocks an event loop: DNS resolution (in the
 * outbound guard) runs on a worker thread, the request itself is non-blocking, and the connection goes to the
 * address the guard checked. Executors never deliver: deliveries come from run events only.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** Between claims while a poll keeps finding due deliveries: slots free within milliseconds under load. */
    static final Duration BACKLOG_PAUSE = Duration.ofMillis(20);

    private final GuardedWebClient client;
    /** Pauses between claims run on a Vert.x timer, as the periodic poll itself does. */
    private final io.vertx.core.Vertx timers;
    private final Pool pool;
    private final DeliveryRepository deliveries;
    private final WebhookConfig config;
    private final RetrySchedule retries;
    private final SigningSecretCipher cipher;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** Outcomes of concurrent attempts are recorded together: one statement and one commit for many deliveries. */
    private final GroupCommit<DeliveryRepository.AttemptRecord> outcomes;

    private final RunTracing tracing;
    private final RunMetrics metrics;

    public WebhookDispatcher(Vertx vertx, Pool pool, DeliveryRepository deliveries, OutboundTargets targets,
            WebhookConfig config, SigningSecretCipher cipher, RunTracing tracing, RunMetrics metrics) {
        this.tracing = tracing;
        this.metrics = metrics;
        this.timers = vertx.getDelegate();
        this.client = new GuardedWebClient(vertx, targets, new WebClientOptions().setMaxPoolSize(256).setKeepAlive(true)
                .setConnectTimeout((int) config.timeout().toMillis()).setUserAgent("Orchestrion-Webhooks/1"));
        this.pool = pool;
        this.deliveries = deliveries;
        this.config = config;
        this.retries = RetrySchedule.of(config.retry());
        this.cipher = cipher;
        this.outcomes = new GroupCommit<>(batch -> deliveries.recordAttempts(pool, batch), 500);
    }

    /** Takes a slot of the target if it has one free; a taken slot must be given back with {@link #release}. */
    public boolean tryReserve(String target) {
        AtomicInteger count = inFlight.computeIfAbsent(target, t -> new AtomicInteger());
        if (count.incrementAndGet() <= config.maxInFlightPerTarget()) {
            return true;
        }
        count.decrementAndGet();
        return false;
    }

    public void release(String target) {
        AtomicInteger count = inFlight.get(target);
        if (count != null) {
            count.decrementAndGet();
        }
    }

    /** Sends claimed deliveries whose slots are reserved; never waits for them. */
    public void dispatch(List<ClaimedDelivery> claimed) {
        for (ClaimedDelivery delivery : claimed) {
            attempt(delivery).subscribe().with(ok -> {
            }, e -> LOG.warnf("Delivery %s: its outcome was not recorded (%s); its lease will expire and it will be "
                    + "tried again", delivery.id(), e.getMessage()));
        }
    }

    /** Polls on a Vert.x timer: Quarkus's scheduler cannot go below a second, and retries may be due sooner. */
    void startPolling(@Observes StartupEvent startup, io.vertx.core.Vertx vertx) {
        Periodic.every(vertx, config.pollInterval(), "webhook delivery poll", this::poll);
        Periodic.every(vertx, leaseSweepInterval(config.lease()), "webhook lease sweep", this::returnExpiredLeases);
    }

    /** A quarter of the lease, between 250 ms and 10 s: a dead worker's deliveries are sent again within 1.25 leases. */
    static Duration leaseSweepInterval(Duration lease) {
        Duration quarter = lease.dividedBy(4);
        return quarter.compareTo(Duration.ofMillis(250)) < 0
                ? Duration.ofMillis(250)
                : quarter.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : quarter;
    }

    /**
     * Returns deliveries whose lease ended without an outcome to those waiting for a worker, on its own slower timer:
     * the poll itself reads only deliveries waiting for a worker, never the index of leased ones, whose finished
     * entries pile up between vacuums.
     */
    Uni<Void> returnExpiredLeases() {
        return deliveries.returnExpiredLeases(pool, Instant.now(), 1000).invoke(returned -> {
            if (returned > 0) {
                LOG.infof("%d webhook deliveries whose lease ended without an outcome are due again", returned);
            }
        }).onFailure().invoke(e -> LOG.warnf("Returning expired webhook leases failed: %s", e.getMessage())).onFailure()
                .recoverWithNull().replaceWithVoid();
    }

    /**
     * Claims due deliveries (retries, and those no worker took at once) for targets with free slots, and claims again
     * after {@link #BACKLOG_PAUSE} as long as it finds some: a backlog drains as fast as the receivers take it, not at
     * one target's slots per poll interval (64 every 250 ms capped it at 256 deliveries/s while the box was idle).
     */
    Uni<Void> poll() {
        return pollOnce().chain(claimed -> claimed == 0 || ShuttingDown.now()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom()
                        .<Void>emitter(next -> timers.setTimer(BACKLOG_PAUSE.toMillis(), id -> next.complete(null)))
                        .chain(this::poll));
    }

    private Uni<Integer> pollOnce() {
        List<String> full = new ArrayList<>();
        inFlight.forEach((target, count) -> {
            if (count.get() >= config.maxInFlightPerTarget()) {
                full.add(target);
            }
        });
        Instant now = Instant.now();
        UUID token = UUID.randomUUID();
        return deliveries.claim(pool, full, config.maxInFlightPerTarget(), config.claimBatch(), now,
                now.plus(config.lease()), token).chain(claimed -> {
                    List<ClaimedDelivery> send = new ArrayList<>(claimed.size());
                    List<UUID> giveBack = new ArrayList<>();
                    for (ClaimedDelivery delivery : claimed) {
                        if (tryReserve(delivery.target())) {
                            send.add(delivery);
                        } else {
                            giveBack.add(delivery.id());
                        }
                    }
                    dispatch(send);
                    return deliveries.release(pool, giveBack, token, Instant.now()).replaceWith(send.size());
                }).onFailure().invoke(e -> LOG.warnf("Webhook delivery poll failed: %s", e.getMessage())).onFailure()
                .recoverWithItem(0);
    }

    @Scheduled(skipExecutionIf = ShuttingDown.class, every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return deliveries.purgeFinishedBefore(pool, Instant.now().minus(config.retention())).onFailure()
                .invoke(e -> LOG.warnf("Purging old webhook deliveries failed: %s", e.getMessage())).onFailure()
                .recoverWithNull().replaceWithVoid();
    }

    /** One attempt: send, then record the outcome and what follows (success, a retry later, or dead-lettering). */
    Uni<Void> attempt(ClaimedDelivery delivery) {
        Instant attemptedAt = Instant.now();
        long begin = System.nanoTime();
        Span span = tracing.startDelivery(delivery.id(), delivery.url(), delivery.traceparent());
        return send(delivery, tracing.traceparentOf(span))
                .map(status -> status >= 200 && status < 300
                        ? Outcome.answered(status, null)
                        : Outcome.answered(status, "The receiver answered " + status))
                .onFailure().recoverWithItem(Outcome::failed).invoke(outcome -> {
                    // the receiver has answered (or not): its slot is free while the outcome is being recorded
                    release(delivery.target());
                    if (outcome.statusCode() != null) {
                        span.setAttribute("http.response.status_code", outcome.statusCode());
                    }
                    RunTracing.end(span, outcome.succeeded() ? null : new IllegalStateException(outcome.error()));
                }).chain(outcome -> record(delivery, outcome, attemptedAt,
                        (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - begin) / 1_000_000)));
    }

    private Uni<Integer> send(ClaimedDelivery delivery, String traceparent) {
        URI url;
        try {
            url = URI.create(delivery.url());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new RefusedTarget("Not a URL: " + delivery.url()));
        }
        if (delivery.secrets().isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("No signing secret"));
        }
        List<String> secrets;
        try {
            secrets = cipher.open(delivery.secrets());
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
        long timestamp = Instant.now().getEpochSecond();
        String webhookId = delivery.id().toString();
        String signature = WebhookSignature.header(secrets, webhookId, timestamp, delivery.payload());
        Duration timeout = config.timeout();
        return client.request(HttpMethod.POST, url).chain(pinned -> {
            HttpRequest<Void> request = pinned.as(BodyCodec.none());
            request.timeout(timeout.toMillis());
            request.putHeader("Content-Type", "application/json");
            request.putHeader("webhook-id", webhookId);
            request.putHeader("webhook-timestamp", Long.toString(timestamp));
            request.putHeader("webhook-signature", signature);
            if (traceparent != null) {
                request.putHeader(RunTracing.TRACEPARENT, traceparent);
            }
            return request.sendBuffer(Buffer.buffer(delivery.payload()));
        }).ifNoItem().after(timeout)
                .failWith(() -> new TimeoutException("No answer within " + timeout.toSeconds() + " s"))
                .map(HttpResponse::statusCode);
    }

    private Uni<Void> record(ClaimedDelivery delivery, Outcome outcome, Instant attemptedAt, int latencyMs) {
        int failedInRound = delivery.roundAttempts() + 1;
        DeliveryStatus status;
        Instant next = null;
        if (outcome.succeeded()) {
            status = DeliveryStatus.SUCCEEDED;
            metrics.deliveryAttempt("succeeded");
        } else if (retries.retriesAfter(failedInRound)) {
            status = DeliveryStatus.PENDING;
            next = Instant.now().plus(retries.delay(failedInRound, ThreadLocalRandom.current()));
            metrics.deliveryAttempt("retrying");
        } else {
            status = DeliveryStatus.DEAD;
            metrics.deliveryAttempt("dead");
            LOG.infof("Webhook delivery %s to %s dead-lettered after %d attempts: %s", delivery.id(), delivery.url(),
                    failedInRound, outcome.error());
        }
        return outcomes.submit(new DeliveryRepository.AttemptRecord(delivery.id(), delivery.leaseToken(), status, next,
                attemptedAt, outcome.statusCode(), latencyMs, outcome.error()));
    }

    /** What one attempt came to: a status code (2xx succeeds), or no answer and why. */
    record Outcome(Integer statusCode, String error) {

        static Outcome answered(int status, String error) {
            return new Outcome(status, error);
        }

        static Outcome failed(Throwable e) {
            String reason = e instanceof RefusedTarget
                    ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Outcome(null, reason);
        }

        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }
}
