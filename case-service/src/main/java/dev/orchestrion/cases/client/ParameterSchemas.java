package dev.orchestrion.cases.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import dev.orchestrion.cases.config.CasesConfig;
import dev.orchestrion.cases.model.ParameterDeclaration;
import dev.orchestrion.cases.model.ParameterSchema;
import dev.orchestrion.cases.model.ParameterValidations;
import dev.orchestrion.support.domain.DomainException;
import dev.orchestrion.support.domain.NotFound;
import dev.orchestrion.support.domain.PeerRefused;
import dev.orchestrion.support.domain.Unavailable;
import dev.orchestrion.support.peers.PeerCalls;
import dev.orchestrion.support.peers.PeerFailures;
import dev.orchestrion.support.security.ServiceTokens;

/**
 * The parameter schemas of workflow definitions, as definition-service gives them, fetched with a service token for
 * the tenant at hand and cached per tenant and definition.
 * <p>
 * Each call is bounded by a timeout, a failed attempt is retried once, and a circuit breaker answers at once while
 * definition-service keeps failing; only its own failures count, and each tenant has its own breaker (PeerCalls), so
 * a tenant whose definitions make it fail or stall cannot pause other tenants' calls. An unknown definition (or
 * another tenant's) is {@link NotFound}; a refusal is {@link PeerRefused}; anything else that goes wrong is
 * {@link Unavailable}.
 * <p>
 * A definition event drops what is cached for that definition ({@link #invalidate(UUID)}); a time limit is the safety
 * net for an event this instance never saw. The cache holds the pending answer itself, so concurrent requests share
 * one call, a failed call is not kept, and an invalidation during a call makes the next request fetch again.
 */
@ApplicationScoped
public class ParameterSchemas {

    private static final Logger LOG = Logger.getLogger(ParameterSchemas.class);

    private record CurrentKey(String tenant, UUID definitionId) {
    }

    private record VersionKey(String tenant, UUID definitionId, int version) {
    }

    private final DefinitionServiceClient api;
    private final ServiceTokens tokens;
    private final PeerCalls peer = new PeerCalls("definition-service",
            new PeerCalls.Settings(Duration.ofSeconds(1), 1, Duration.ofMillis(50), 6, 0.5, Duration.ofSeconds(5)));
    private final AsyncCache<CurrentKey, ParameterSchema> current;
    private final AsyncCache<VersionKey, ParameterSchema> versions;

    public ParameterSchemas(@RestClient DefinitionServiceClient api, ServiceTokens tokens, CasesConfig config) {
        this.api = api;
        this.tokens = tokens;
        this.current = Caffeine.newBuilder().maximumSize(config.schemaCache().maxEntries())
                .expireAfterWrite(config.schemaCache().ttl()).buildAsync();
        this.versions = Caffeine.newBuilder().maximumSize(config.schemaCache().maxEntries())
                .expireAfterWrite(config.schemaCache().ttl()).buildAsync();
    }

    /**
     * The schema a new parameter set of the definition is validated against: its current published version's, or
     * its never-started draft's.
     */
    public Uni<ParameterSchema> current(String tenant, UUID definitionId) {
        return onCallersContext(Uni.createFrom().completionStage(() -> current.get(new CurrentKey(tenant, definitionId),
                (key, executor) -> fetchCurrent(tenant, definitionId).subscribeAsCompletionStage())));
    }

    /** The schema of one published version of the definition. */
    public Uni<ParameterSchema> ofVersion(String tenant, UUID definitionId, int version) {
        return onCallersContext(
                Uni.createFrom().completionStage(() -> versions.get(new VersionKey(tenant, definitionId, version),
                        (key, executor) -> fetchVersion(tenant, definitionId, version).subscribeAsCompletionStage())));
    }

    /** Forgets everything cached about the definition, in every tenant (definition ids are unique). */
    public void invalidate(UUID definitionId) {
        current.synchronous().asMap().keySet().removeIf(key -> key.definitionId().equals(definitionId));
        versions.synchronous().asMap().keySet().removeIf(key -> key.definitionId().equals(definitionId));
    }

    private Uni<ParameterSchema> fetchCurrent(String tenant, UUID definitionId) {
        return peer.call(tenant, () -> api.parameterSchema(definitionId, tokens.authorizationFor(tenant))).onFailure()
                .transform(e -> refusal(e, definitionId, "Workflow definition"))
                .map(document -> new ParameterSchema(definitionId, document.version(),
                        declarations(document.parameters())));
    }

    private Uni<ParameterSchema> fetchVersion(String tenant, UUID definitionId, int version) {
        return peer.call(tenant, () -> api.publishedVersion(definitionId, version, tokens.authorizationFor(tenant)))
                .onFailure().transform(e -> refusal(e, definitionId, "Version " + version + " of workflow definition"))
                .map(document -> new ParameterSchema(definitionId, version, declarations(document.parameters())));
    }

    /** The tenant has no such definition (NotFound), definition-service refused (PeerRefused), or it is down. */
    private static DomainException refusal(Throwable failure, UUID definitionId, String what) {
        if (failure instanceof DomainException refusal) {
            return refusal;
        }
        if (PeerFailures.isNotFound(failure)) {
            return new NotFound(what, definitionId);
        }
        if (PeerFailures.isRefusal(failure)) {
            LOG.warnf("definition-service refused the schema of %s (%d)", definitionId, PeerFailures.status(failure));
            return new PeerRefused(
                    "definition-service refused to give the parameter schema of workflow definition " + definitionId);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            // Said once when the circuit opened; each refused call need not say it again.
            LOG.debugf("definition-service circuit open: %s", failure.getMessage());
        } else {
            LOG.warnf("definition-service is unavailable (%s): %s", failure.getClass().getSimpleName(),
                    failure.getMessage());
        }
        return new Unavailable("definition-service is unavailable, so the parameter schema of workflow definition "
                + definitionId + " cannot be read; try again shortly");
    }

    private static List<ParameterDeclaration> declarations(List<ParameterDocument> parameters) {
        if (parameters == null) {
            return List.of();
        }
        return parameters.stream().map(ParameterSchemas::declaration).toList();
    }

    private static ParameterDeclaration declaration(ParameterDocument p) {
        ParameterDocument.Validations v = p.validations();
        ParameterValidations validations = v == null
                ? ParameterValidations.NONE
                : new ParameterValidations(v.min(), v.max(), v.minLength(), v.maxLength(), v.pattern(), v.allowed(),
                        v.minItems(), v.maxItems());
        return new ParameterDeclaration(p.name(), p.type(), Boolean.TRUE.equals(p.required()), p.defaultValue(),
                Boolean.TRUE.equals(p.redacted()), validations);
    }

    /** A shared answer completes on whichever thread fetched it; the caller continues on its own request context. */
    private static <T> Uni<T> onCallersContext(Uni<T> answer) {
        Context context = Vertx.currentContext();
        return context == null ? answer : answer.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
