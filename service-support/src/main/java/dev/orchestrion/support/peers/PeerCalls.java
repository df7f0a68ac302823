package dev.orchestrion.support.peers;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * Calls to one peer service with a timeout per attempt, retries and a circuit breaker, kept apart per tenant. Two
 * rules make sure no tenant can make another tenant's calls fail:
 * <ul>
 * <li>only the peer's own failures count ({@link PeerFailures#isPeerFault}): a 4xx answer is an answer, and a fault on
 * this side (the caller's input, our code) is neither retried nor counted;</li>
 * <li>each tenant has its own breaker: failures a tenant's data provokes (a definition the peer chokes on or is slow
 * to serve) open that tenant's breaker only. When the peer itself is down, every tenant's breaker opens after its
 * own few calls, so the peer is still spared.</li>
 * </ul>
 * Needs SmallRye Fault Tolerance at run time (quarkus-smallrye-fault-tolerance in the service).
 */
public final class PeerCalls {

    private static final Logger LOG = Logger.getLogger(PeerCalls.class);
    /** Past this many tenants the breakers start over: closing every circuit at once is harmless. */
    private static final int MAX_TENANTS = 10_000;

    /**
     * How calls are guarded.
     *
     * @param timeout how long one attempt may take
     * @param maxRetries attempts after the first, for the peer's failures only
     * @param retryDelay the pause before a retry
     * @param requestVolumeThreshold the calls (attempts) a breaker looks back over
     * @param failureRatio the share of those that, failing, opens it
     * @param openFor how long an open breaker refuses calls before letting one through
     */
    public record Settings(Duration timeout, int maxRetries, Duration retryDelay, int requestVolumeThreshold,
            double failureRatio, Duration openFor) {
    }

    private final String peer;
    private final Settings settings;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public PeerCalls(String peer, Settings settings) {
        this.peer = peer;
        this.settings = settings;
    }

    /** Makes {@code call} (subscribed once per attempt) under the tenant's guard. */
    public <T> Uni<T> call(String tenant, Supplier<Uni<T>> call) {
        Guard guard = guardOf(tenant == null ? "" : tenant);
        return Uni.createFrom().deferred(() -> guard.get(call, new TypeLiteral<Uni<T>>() {
        }));
    }

    private Guard guardOf(String tenant) {
        Guard known = guards.get(tenant);
        if (known != null) {
            return known;
        }
        if (guards.size() >= MAX_TENANTS) {
            guards.clear();
        }
        return guards.computeIfAbsent(tenant, this::newGuard);
    }

    private Guard newGuard(String tenant) {
        return Guard.create().withTimeout().duration(settings.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(settings.maxRetries())
                .delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(settings.retryDelay().toMillis() / 2, ChronoUnit.MILLIS)
                .whenException(PeerFailures::isPeerFault).done().withCircuitBreaker()
                .requestVolumeThreshold(settings.requestVolumeThreshold()).failureRatio(settings.failureRatio())
                .delay(settings.openFor().toMillis(), ChronoUnit.MILLIS).when(PeerFailures::isPeerFault)
                .onStateChange(
                        state -> LOG.logf(state == CircuitBreakerState.OPEN ? Logger.Level.WARN : Logger.Level.INFO,
                                "Circuit to %s for tenant %s is now %s", peer, tenant, state))
                .done().build();
    }
}
