package dev.orchestrion.console.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Hands each run event to the open {@code /events} streams of its tenant, and to no other: the filter is here, on the
 * server, so a browser only ever receives its own tenant's events.
 */
@ApplicationScoped
public class RunEventHub {

    /** Events a slow browser may fall behind by; past that its stream ends and the SPA reconnects and reloads. */
    static final int MAX_BEHIND = 1024;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    /** The run events of {@code tenant} from the moment of subscription on (registered synchronously then). */
    public Multi<RunEventMessage> stream(String tenant) {
        return Multi.createFrom().<RunEventMessage>emitter(emitter -> {
            Subscriber subscriber = new Subscriber(tenant, emitter);
            subscribers.add(subscriber);
            emitter.onTermination(() -> subscribers.remove(subscriber));
        }, BackPressureStrategy.IGNORE).onOverflow().buffer(MAX_BEHIND);
    }

    public void publish(TenantRunEvent event) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.tenant().equals(event.tenant())) {
                subscriber.emitter().emit(event.message());
            }
        }
    }

    /** Open streams, for the metrics and tests. */
    public int openStreams() {
        return subscribers.size();
    }

    private record Subscriber(String tenant, MultiEmitter<? super RunEventMessage> emitter) {
    }
}
