package dev.orchestrion.cases.client;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.model.ParameterDeclaration;
import dev.orchestrion.cases.model.ParameterSchema;
import dev.orchestrion.cases.model.ParameterValidations;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.ServiceTokens;

/**
 * definition-service for case-service: parameter schemas, fetched with a service token for the tenant at hand. Each
 * attempt is bounded by a timeout, a failed attempt is retried once, and a circuit breaker answers at once while
 * definition-service keeps failing. An unknown definition (or another tenant's) is a 404 problem; anything else that
 * goes wrong is a 503 problem saying definition-service is unavailable.
 */
@ApplicationScoped
public class DefinitionServiceClient {

    private static final Logger LOG = Logger.getLogger(DefinitionServiceClient.class);

    private final DefinitionServiceApi api;
    private final ServiceTokens tokens;

    public DefinitionServiceClient(@RestClient DefinitionServiceApi api, ServiceTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /** The schema runs of the definition use now: its current published version's, or its never-started draft's. */
    @Timeout(value = 1000, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = {ProblemException.class,
            CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = ProblemException.class)
    @Fallback(fallbackMethod = "schemaUnavailable", skipOn = ProblemException.class)
    public Uni<ParameterSchema> currentSchema(String tenant, UUID definitionId) {
        return api.parameterSchema(definitionId, tokens.authorizationFor(tenant))
                .onFailure(DefinitionServiceClient::isNotFound)
                .transform(e -> ProblemException.notFound("Workflow definition", definitionId))
                .map(document -> new ParameterSchema(definitionId, document.version(),
                        declarations(document.parameters())));
    }

    /** The schema of one published version of the definition. */
    @Timeout(value = 1000, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = {ProblemException.class,
            CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = ProblemException.class)
    @Fallback(fallbackMethod = "versionUnavailable", skipOn = ProblemException.class)
    public Uni<ParameterSchema> versionSchema(String tenant, UUID definitionId, int version) {
        return api.publishedVersion(definitionId, version, tokens.authorizationFor(tenant))
                .onFailure(DefinitionServiceClient::isNotFound)
                .transform(
                        e -> ProblemException.notFound("Version " + version + " of workflow definition", definitionId))
                .map(document -> new ParameterSchema(definitionId, version, declarations(document.parameters())));
    }

    Uni<ParameterSchema> schemaUnavailable(String tenant, UUID definitionId, Throwable cause) {
        return unavailable(definitionId, cause);
    }

    Uni<ParameterSchema> versionUnavailable(String tenant, UUID definitionId, int version, Throwable cause) {
        return unavailable(definitionId, cause);
    }

    private static Uni<ParameterSchema> unavailable(UUID definitionId, Throwable cause) {
        if (cause instanceof CircuitBreakerOpenException) {
            // Said once when the circuit opened; each refused call need not say it again.
            LOG.debugf("definition-service circuit open: %s", cause.getMessage());
        } else {
            LOG.warnf("definition-service is unavailable (%s): %s", cause.getClass().getSimpleName(),
                    cause.getMessage());
        }
        return Uni.createFrom()
                .failure(ProblemException.unavailable(
                        "definition-service is unavailable, so the parameter schema of workflow definition "
                                + definitionId + " cannot be read; try again shortly"));
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 404;
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
