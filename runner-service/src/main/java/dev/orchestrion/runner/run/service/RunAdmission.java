package dev.orchestrion.runner.run.service;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.config.RunnerConfig;
import dev.orchestrion.support.domain.Overloaded;

/**
 * Backpressure on run requests ({@code POST /workflows/run}, HTTP bindings): an instance takes at most
 * {@code orchestrion.runner.admission.max-in-flight} of them at once, and one tenant at most
 * {@code max-in-flight-per-tenant}. Past a tenant's share the request is refused at once with 429 (that tenant slows
 * down, the others go on), past the instance's with 503; both say when to retry and did nothing. Without it, load
 * above capacity piles up requests until the heap is full and the instance stops answering anyone.
 */
@ApplicationScoped
public class RunAdmission {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final int platformLimit;
    private final int tenantLimit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> inFlightByTenant = new ConcurrentHashMap<>();
    private final Counter refusedTenant;
    private final Counter refusedPlatform;

    @Inject
    public RunAdmission(RunnerConfig config, MeterRegistry registry) {
        this(config.admission().maxInFlight(), config.admission().maxInFlightPerTenant(), registry);
    }

    RunAdmission(int platformLimit, int tenantLimit, MeterRegistry registry) {
        this.platformLimit = platformLimit;
        this.tenantLimit = tenantLimit;
        this.refusedTenant = Counter.builder("orchestrion_run_requests_refused_total").tag("scope", "tenant")
                .description("Run requests refused because their tenant had its share in flight (429)")
                .register(registry);
        this.refusedPlatform = Counter.builder("orchestrion_run_requests_refused_total").tag("scope", "platform")
                .description("Run requests refused because the instance was full (503)").register(registry);
    }

    /** Runs {@code request} if the tenant and the instance have room, and frees its place when it ends. */
    public <T> Uni<T> admit(String tenant, Supplier<Uni<T>> request) {
        return Uni.createFrom().deferred(() -> {
            AtomicInteger ofTenant = inFlightByTenant.computeIfAbsent(tenant, t -> new AtomicInteger());
            if (ofTenant.incrementAndGet() > tenantLimit) {
                ofTenant.decrementAndGet();
                refusedTenant.increment();
                return Uni.createFrom()
                        .failure(new Overloaded(
                                "Tenant " + tenant + " has " + tenantLimit
                                        + " run requests in progress on this instance; retry shortly",
                                false, RETRY_AFTER));
            }
            if (inFlight.incrementAndGet() > platformLimit) {
                inFlight.decrementAndGet();
                ofTenant.decrementAndGet();
                refusedPlatform.increment();
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

    /** Requests in progress now (for tests and metrics). */
    int inFlight() {
        return inFlight.get();
    }
}
