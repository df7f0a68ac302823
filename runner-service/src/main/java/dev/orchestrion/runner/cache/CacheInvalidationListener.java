package dev.orchestrion.runner.cache;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * LISTENs on {@link CacheChannel#NAME} over one dedicated PostgreSQL connection (not one of the pool's) and makes the
 * caches of this instance forget what another instance changed, as soon as that change commits. The connection is
 * opened at start-up and re-opened whenever it drops (100 ms, doubling to 5 s, for as long as the service runs);
 * each time it is (re)established every cache is emptied, since notices sent while it was down are lost. The caches'
 * own expiry stays the bound on staleness while the connection is down.
 */
@ApplicationScoped
public class CacheInvalidationListener {

    private static final Logger LOG = Logger.getLogger(CacheInvalidationListener.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long LAST_RETRY_MILLIS = 5_000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Map<String, NotifiedCache> caches;
    private volatile PgSubscriber subscriber;
    private volatile boolean stopping;
    private volatile boolean lost;

    public CacheInvalidationListener(Vertx vertx, @All List<NotifiedCache> caches,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.caches = caches.stream().collect(Collectors.toUnmodifiableMap(NotifiedCache::kind, Function.identity()));
        this.options = connectOptions(url, user, password);
    }

    static PgConnectOptions connectOptions(String url, Optional<String> user, Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options;
    }

    /** The delay before reconnect attempt {@code attempt} (0 first): never gives up while the service runs. */
    static long retryDelayMillis(int attempt) {
        return Math.min(LAST_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(attempt, 6));
    }

    void start(@Observes StartupEvent startup) {
        listen(0);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        PgSubscriber current = subscriber;
        if (current != null) {
            current.close();
        }
    }

    private void listen(int attempt) {
        if (stopping) {
            return;
        }
        PgSubscriber next = PgSubscriber.subscriber(vertx, options).reconnectPolicy(this::reconnectAfter);
        next.channel(CacheChannel.NAME).subscribeHandler(listening -> forgetAll()).handler(this::apply);
        subscriber = next;
        next.connect().onFailure(failure -> {
            // the first connection has no reconnect policy behind it: start over with a fresh subscriber
            LOG.warnf("Cannot LISTEN on %s yet (%s); caches rely on their expiry until it succeeds", CacheChannel.NAME,
                    failure.getMessage());
            lost = true;
            next.close();
            vertx.setTimer(retryDelayMillis(attempt), timer -> listen(attempt + 1));
        });
    }

    /** The connection dropped (or a reconnection failed): try again after a delay, and say so. */
    private long reconnectAfter(int attempt) {
        long delay = retryDelayMillis(attempt);
        lost = true;
        LOG.warnf("LISTEN connection on %s lost; reconnecting in %d ms (attempt %d); caches rely on their expiry "
                + "until then", CacheChannel.NAME, delay, attempt + 1);
        return delay;
    }

    /** (Re)connected and LISTENing: whatever was announced while disconnected is unknown, so forget everything. */
    private void forgetAll() {
        if (lost) {
            lost = false;
            LOG.infof("Listening on %s again; every cache emptied", CacheChannel.NAME);
        }
        caches.values().forEach(NotifiedCache::forgetAll);
    }

    private void apply(String payload) {
        CacheChannel.Notice notice = CacheChannel.parse(payload);
        NotifiedCache cache = notice == null ? null : caches.get(notice.kind());
        if (cache == null) {
            LOG.debugf("Ignored cache notice %s", payload);
            return;
        }
        cache.forget(notice.key());
    }
}
