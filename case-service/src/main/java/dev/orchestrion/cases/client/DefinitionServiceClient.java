package dev.orchestrion.cases.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.model.ParameterDeclaration;
import dev.orchestrion.cases.model.ParameterSchema;
import dev.orchestrion.cases.model.ParameterValidations;
import dev.orchestrion.support.peers.PeerCalls;
import dev.orchestrion.support.peers.PeerFailures;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.ServiceTokens;

/**
 * definition-service for case-service: parameter schemas, fetched with a service token for the tenant at hand. Each
 * attempt is bounded by a timeout, a failed attempt is retried once, and a circuit breaker answers at once while
 * definition-service keeps failing; only its own failures count, and each tenant has its own breaker (PeerCalls), so
 * a tenant whose definitions make it fail or stall cannot pause other tenants' calls. An unknown definition (or
 * another tenant's) is a 404 problem; anything else that goes wrong is a 503 problem saying definition-service is
 * unavailable.
 */
@ApplicationScoped
public class DefinitionServiceClient {

    private static final Logger LOG = Logger.getLogger(DefinitionServiceClient.class);

    private final DefinitionServiceApi api;
    private final ServiceTokens tokens;
    private final PeerCalls peer = new PeerCalls("definition-service",
            new PeerCalls.Settings(Duration.ofSeconds(1), 1, Duration.ofMillis(50), 6, 0.5, Duration.ofSeconds(5)));

    public DefinitionServiceClient(@RestClient DefinitionServiceApi api, ServiceTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /** The schema runs of the definition use now: its current published version's, or its never-started draft's. */
    public Uni<ParameterSchema> currentSchema(String tenant, UUID definitionId) {
        return peer.call(tenant, () -> api.parameterSchema(definitionId, tokens.authorizationFor(tenant))).onFailure()
                .transform(e -> problem(e, definitionId, "Workflow definition"))
                .map(document -> new ParameterSchema(definitionId, document.version(),
                        declarations(document.parameters())));
    }

    /** The schema of one published version of the definition. */
    public Uni<ParameterSchema> versionSchema(String tenant, UUID definitionId, int version) {
        return peer.call(tenant, () -> api.publishedVersion(definitionId, version, tokens.authorizationFor(tenant)))
                .onFailure().transform(e -> problem(e, definitionId, "Version " + version + " of workflow definition"))
                .map(document -> new ParameterSchema(definitionId, version, declarations(document.parameters())));
    }

    /** 404: the tenant has no such definition; another 4xx: definition-service's answer; else it is unavailable. */
    private static ProblemException problem(Throwable failure, UUID definitionId, String what) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (PeerFailures.isNotFound(failure)) {
            return ProblemException.notFound(what, definitionId);
        }
        if (PeerFailures.isRefusal(failure)) {
            LOG.warnf("definition-service refused the schema of %s (%d)", definitionId, PeerFailures.status(failure));
            return new ProblemException(502, "peer-refused", "Bad gateway", "definition-service refused to give the"
                    + " parameter schema of workflow definition " + definitionId, List.of());
        }
        if (failure instanceof CircuitBreakerOpenException) {
            // Said once when the circuit opened; each refused call need not say it again.
            LOG.debugf("definition-service circuit open: %s", failure.getMessage());
        } else {
            LOG.warnf("definition-service is unavailable (%s): %s", failure.getClass().getSimpleName(),
                    failure.getMessage());
        }
        return ProblemException.unavailable("definition-service is unavailable, so the parameter schema of workflow"
                + " definition " + definitionId + " cannot be read; try again shortly");
    }

    private static List<ParameterDeclaration> declarations(List<ParameterDocument> parameters) {
        if (parameters == null) {
            return List.of();
        }
        return parameters.stream().map(DefinitionServiceClient::declaration).toList();
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
}
