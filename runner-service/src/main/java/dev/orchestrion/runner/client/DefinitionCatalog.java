package dev.orchestrion.runner.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.support.peers.PeerCalls;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.ServiceTokens;

/**
 * Definitions as the runner knows them: whether one is active and which version is published (cached, and
 * updated by definition events), and the compiled graph of each published version (immutable, so cached for
 * good). Calls definition-service with a service token for the tenant at hand.
 */
@ApplicationScoped
public class DefinitionCatalog {

    private static final int MAX_GRAPHS = 5_000;
    /** 3 s per attempt, 2 retries, a tenant's breaker opens at half of 20 attempts failing, for 5 s. */
    static final PeerCalls.Settings PEER_SETTINGS = new PeerCalls.Settings(Duration.ofSeconds(3), 2,
            Duration.ofMillis(100), 20, 0.5, Duration.ofSeconds(5));

    private final DefinitionServiceApi client;
    private final ServiceTokens tokens;
    private final Map<String, DefinitionView> definitions = new ConcurrentHashMap<>();
    private final Map<String, WorkflowGraph> graphs = new ConcurrentHashMap<>();
    private final InFlight<DefinitionView> definitionCalls = new InFlight<>();
    private final InFlight<WorkflowGraph> versionCalls = new InFlight<>();
    private final Map<String, KnownOrder> priorities = new ConcurrentHashMap<>();
    private final PeerCalls peer = new PeerCalls("definition-service", PEER_SETTINGS);

    public DefinitionCatalog(@RestClient DefinitionServiceApi client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /**
     * The definition, or null when the tenant has no such definition. Only a runnable view (ACTIVE with a published
     * version) is answered from the cache: a definition that is not runnable is asked for again, so that one started a
     * moment ago runs at once instead of being refused until its started event arrives (what runs stays cached:
     * the hot path makes no call; a refusal costs one, shared by the requests that wait for it).
     */
    public Uni<DefinitionView> definition(String tenant, String definitionId) {
        DefinitionView known = definitions.get(key(tenant, definitionId));
        if (known != null && runnable(known)) {
            return Uni.createFrom().item(known);
        }
        return definitionCalls.get(key(tenant, definitionId), () -> fetchDefinition(tenant, definitionId)).onFailure()
                .transform(e -> Remote.unavailable("definition-service", e)).invoke(view -> {
                    if (view != null && runnable(view)) {
                        definitions.put(key(tenant, definitionId), view);
                    } else {
                        definitions.remove(key(tenant, definitionId));
                    }
                });
    }

    private static boolean runnable(DefinitionView view) {
        return view.active() && view.publishedVersion() != null;
    }

    /** The compiled graph of a published version (never changes once published). */
    public Uni<WorkflowGraph> graph(String tenant, String definitionId, int version) {
        String key = key(tenant, definitionId) + "@" + version;
        WorkflowGraph known = graphs.get(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return versionCalls.get(key, () -> fetchVersion(tenant, definitionId, version)).onFailure()
                .transform(e -> Remote.notFound(e)
                        ? ProblemException.notFound("Version " + version + " of definition", definitionId)
                        : Remote.unavailable("definition-service", e))
                .map(graph -> {
                    if (graphs.size() >= MAX_GRAPHS) {
                        graphs.clear();
                    }
                    graphs.put(key, graph);
                    return graph;
                });
    }

    /** Decrypted credentials of a connection for an environment (never cached). */
    public Uni<JsonNode> connection(String tenant, String connectionId, String environment) {
        return fetchConnection(tenant, connectionId, environment).onFailure()
                .transform(e -> Remote.notFound(e)
                        ? new IllegalStateException("Connection " + connectionId + " no longer exists")
                        : Remote.unavailable("definition-service", e));
    }

    /**
     * The tenant's priority order (definition ids, position 1 first), cached for a minute and forgotten as soon as a
     * definition event says it changed.
     */
    public Uni<PriorityOrder> priorities(String tenant) {
        KnownOrder known = priorities.get(tenant);
        if (known != null && known.fetchedAt() > System.nanoTime() - PRIORITIES_TTL_NANOS) {
            return Uni.createFrom().item(known.order());
        }
        return fetchPriorities(tenant).onFailure().transform(e -> Remote.unavailable("definition-service", e))
                .invoke(order -> priorities.put(tenant, new KnownOrder(order, System.nanoTime())));
    }

    /** Forgets the tenant's priority order (it changed, or a definition started, paused or ended). */
    public void forgetPriorities(String tenant) {
        if (tenant != null) {
            priorities.remove(tenant);
        }
    }

    private static final long PRIORITIES_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    private record KnownOrder(PriorityOrder order, long fetchedAt) {
    }

    /** Forgets what is known of a definition (its status or published version changed). */
    public void forget(String tenant, String definitionId) {
        definitions.remove(key(tenant, definitionId));
    }

    /** Records what a definition event says, so the next run request needs no call. */
    public void learn(String tenant, DefinitionView view) {
        definitions.put(key(tenant, view.id()), view);
    }

    // The calls below go through the tenant's guard (timeout, retry, circuit breaker; see PeerCalls); failures stay
    // raw so that the callers above can tell an answer (4xx) from the peer's failure.

    Uni<DefinitionView> fetchDefinition(String tenant, String definitionId) {
        return peer.call(tenant, () -> client.definition(tokens.authorizationFor(tenant), definitionId))
                .onFailure(Remote::notFound).recoverWithNull();
    }

    Uni<WorkflowGraph> fetchVersion(String tenant, String definitionId, int version) {
        return peer.call(tenant, () -> client.version(tokens.authorizationFor(tenant), definitionId, version))
                .map(WorkflowGraph::compile);
    }

    Uni<PriorityOrder> fetchPriorities(String tenant) {
        return peer.call(tenant, () -> client.priorities(tokens.authorizationFor(tenant)));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.NotFoundException.class)
    Uni<JsonNode> fetchConnection(String tenant, String connectionId, String environment) {
        return client.connection(tokens.authorizationFor(tenant), connectionId, environment);
    }

    private static String key(String tenant, String definitionId) {
        return tenant + "/" + definitionId;
    }
}
