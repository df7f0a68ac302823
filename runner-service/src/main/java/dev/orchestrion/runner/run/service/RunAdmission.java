package dev.orchestrion.runner.run.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.support.domain.Overloaded;

/**
 * Backpressure on run requests ({@code POST /workflows/run}, HTTP bindings), from two sides:
 * <ul>
 * <li>requests in progress: an instance takes at most {@code orchestrion.runner.admission.max-in-flight} of them at
 * once, and one tenant at most {@code max-in-flight-per-tenant};</li>
 * <li>the queue behind them, as last measured ({@link Queues}, refreshed by {@link RunQueueWatch}): runs stored but
 * not yet executed, per tenant ({@code max-queued-per-tenant}) and on the whole platform ({@code max-queued}), and
 * the outbox backlog ({@code max-outbox-backlog}).</li>
 * </ul>
 * Past a tenant's share the request is refused at once with 429 (that tenant slows down, the others go on), past the
 * platform's with 503; both say when to retry and did nothing. Without it, load above capacity piles up requests
 * until the heap is full, or queued runs until every run waits minutes, and no one is served in time.
 */
@ApplicationScoped
public class RunAdmission {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final String REFUSED = "orchestrion_run_requests_refused_total";

    /** The limits: requests in progress on this instance, and the platform's queue behind them. */
    record Limits(int maxInFlight, int maxInFlightPerTenant, long maxQueued, long maxQueuedPerTenant,
            long maxOutboxBacklog) {

        static Limits of(RunnerConfig.Admission config) {
            return new Limits(config.maxInFlight(), config.maxInFlightPerTenant(), config.maxQueued(),
                    config.maxQueuedPerTenant(), config.maxOutboxBacklog());
        }
    }

    /** The queue as last measured: queued (PENDING) runs per tenant and in all, and the outbox backlog. */
    public record Queues(Map<String, Long> queuedByTenant, long queued, long outboxBacklog) {

        static final Queues NONE = new Queues(Map.of(), 0, 0);

        public Queues {
            queuedByTenant = Map.copyOf(queuedByTenant);
        }

        long queuedOf(String tenant) {
            return queuedByTenant.getOrDefault(tenant, 0L);
        }
    }

    private final Limits limits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> inFlightByTenant = new ConcurrentHashMap<>();
    private volatile Queues queues = Queues.NONE;
    private final Counter refusedTenantInFlight;
    private final Counter refusedTenantQueued;
    private final Counter refusedPlatformInFlight;
    private final Counter refusedPlatformQueued;
    private final Counter refusedOutboxBacklog;

    @Inject
    public RunAdmission(RunnerConfig config, MeterRegistry registry) {
        this(Limits.of(config.admission()), registry);
    }

    RunAdmission(Limits limits, MeterRegistry registry) {
        this.limits = limits;
        this.refusedTenantInFlight = refused(registry, "tenant", "in-flight",
                "Run requests refused because their tenant had its share in flight on the instance (429)");
        this.refusedTenantQueued = refused(registry, "tenant", "queued",
                "Run requests refused because their tenant had its share of runs queued (429)");
        this.refusedPlatformInFlight = refused(registry, "platform", "in-flight",
                "Run requests refused because the instance was full (503)");
        this.refusedPlatformQueued = refused(registry, "platform", "queued",
                "Run requests refused because the platform had too many runs queued (503)");
        this.refusedOutboxBacklog = refused(registry, "platform", "outbox-backlog",
                "Run requests refused because the outbox backlog was too long (503)");
        Gauge.builder("orchestrion_runs_queued", this, admission -> admission.queues.queued())
                .description("Runs stored but not yet executed (PENDING), as admission last measured them")
                .register(registry);
    }

    private static Counter refused(MeterRegistry registry, String scope, String reason, String description) {
        return Counter.builder(REFUSED).tag("scope", scope).tag("reason", reason).description(description)
                .register(registry);
    }

    /** Takes a new measurement of the queue (from {@link RunQueueWatch}). */
    void observe(Queues measured) {
        this.queues = measured;
    }

    /** Runs {@code request} if the tenant and the platform have room, and frees its place when it ends. */
    public <T> Uni<T> admit(String tenant, Supplier<Uni<T>> request) {
        return Uni.createFrom().deferred(() -> {
            Overloaded queueFull = queueRefusal(tenant);
            if (queueFull != null) {
                return Uni.createFrom().failure(queueFull);
            }
            AtomicInteger ofTenant = inFlightByTenant.computeIfAbsent(tenant, t -> new AtomicInteger());
            if (ofTenant.incrementAndGet() > limits.maxInFlightPerTenant()) {
                ofTenant.decrementAndGet();
                refusedTenantInFlight.increment();
                return Uni.createFrom()
                        .failure(new Overloaded(
                                "Tenant " + tenant + " has " + limits.maxInFlightPerTenant()
                                        + " run requests in progress on this instance; retry shortly",
                                false, RETRY_AFTER));
            }
            if (inFlight.incrementAndGet() > limits.maxInFlight()) {
                inFlight.decrementAndGet();
                ofTenant.decrementAndGet();
                refusedPlatformInFlight.increment();
                return Uni.createFrom()
                        .failure(new Overloaded("The runner is at capacity; retry shortly", true, RETRY_AFTER));
            }
            Uni<T> admitted;
            try {
                admitted = request.get();
            } catch (RuntimeException e) {
                admitted = Uni.createFrom().failure(e);
            }
            return admitted.onTermination().invoke(() -> {
                inFlight.decrementAndGet();
                ofTenant.decrementAndGet();
            });
        });
    }

    /** The refusal the queue as last measured calls for, or null: the tenant's share first (429), then the platform's. */
    private Overloaded queueRefusal(String tenant) {
        Queues now = queues;
        long ofTenant = now.queuedOf(tenant);
        if (ofTenant > limits.maxQueuedPerTenant()) {
            refusedTenantQueued.increment();
            return new Overloaded("Tenant " + tenant + " has " + ofTenant + " runs waiting to be executed (at most "
                    + limits.maxQueuedPerTenant() + "); retry shortly", false, RETRY_AFTER);
        }
        if (now.queued() > limits.maxQueued()) {
            refusedPlatformQueued.increment();
            return new Overloaded("The runner has " + now.queued() + " runs waiting to be executed; retry shortly",
                    true, RETRY_AFTER);
        }
        if (now.outboxBacklog() > limits.maxOutboxBacklog()) {
            refusedOutboxBacklog.increment();
            return new Overloaded("The runner's events are not being published fast enough; retry shortly", true,
                    RETRY_AFTER);
        }
        return null;
    }

    /** Requests in progress now (for tests and metrics). */
    int inFlight() {
        return inFlight.get();
    }

    /** A tenant's queued runs as last measured (for tests). */
    public long queuedOf(String tenant) {
        return queues.queuedOf(tenant);
    }
}
