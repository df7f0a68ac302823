package dev.orchestrion.support.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Makes the {@link ConsumerGuard} of each Kafka consumer of a service and remembers them by consumer name, so that an
 * operator's replay of a dead letter runs the same handler that gave up on it.
 */
@ApplicationScoped
public class ConsumerGuards {

    private final Instance<DeadLetterSink> sinks;
    private final MeterRegistry meters;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Map<String, ConsumerGuard> guards = new ConcurrentHashMap<>();

    public ConsumerGuards(Instance<DeadLetterSink> sinks, MeterRegistry meters,
            @ConfigProperty(name = "orchestrion.consumers.retry.initial-backoff", defaultValue = "PT0.2S") Duration initialBackoff,
            @ConfigProperty(name = "orchestrion.consumers.retry.max-backoff", defaultValue = "PT10S") Duration maxBackoff) {
        this.sinks = sinks;
        this.meters = meters;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * For work done once per record across all instances (a consumer group shared by them): a bad record is
     * dead-lettered through the service's {@link DeadLetterSink}. {@code consumer} names it in logs, metrics and the
     * dead-letter store (use the consumer group).
     */
    public ConsumerGuard deadLettering(String consumer, BatchHandler handler) {
        if (!sinks.isResolvable()) {
            throw new IllegalStateException("Consumer " + consumer + " dead-letters, but this service has no "
                    + DeadLetterSink.class.getSimpleName());
        }
        return register(new ConsumerGuard(consumer, handler, sinks.get(), meters, initialBackoff, maxBackoff));
    }

    /**
     * For a per-instance view (each instance reads every record in a group of its own, e.g. a cache): a bad record
     * is logged, counted and skipped; the shared consumer groups of the same topic dead-letter it once.
     */
    public ConsumerGuard skipping(String consumer, BatchHandler handler) {
        return register(new ConsumerGuard(consumer, handler, null, meters, initialBackoff, maxBackoff));
    }

    /** The guard of a dead-lettering consumer, for replays. */
    public Optional<ConsumerGuard> find(String consumer) {
        return Optional.ofNullable(guards.get(consumer));
    }

    private ConsumerGuard register(ConsumerGuard guard) {
        guards.put(guard.consumer(), guard);
        return guard;
    }
}
