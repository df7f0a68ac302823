package dev.orchestrion.runner.client;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.support.peers.PeerCalls;
import dev.orchestrion.support.security.ServiceTokens;

/**
 * Cases and parameter sets as the runner needs them. Whether a case exists (and is erased) is kept from
 * {@code workflow.case-events}, so the run-request hot path calls case-service only for a case it has not heard
 * of yet; parameter sets are immutable and cached once read.
 */
@ApplicationScoped
public class CaseDirectory {

    private static final int MAX_ENTRIES = 200_000;

    /** What the runner knows of a case. */
    public enum CaseStatus {
        ACTIVE, ERASED, UNKNOWN
    }

    private final CaseServiceApi client;
    private final ServiceTokens tokens;
    private final Map<String, CaseStatus> cases = new ConcurrentHashMap<>();
    private final Map<String, ParameterSetView> parameterSets = new ConcurrentHashMap<>();
    private final Map<String, ParameterValidationView> validations = new ConcurrentHashMap<>();
    private final InFlight<Map<String, Object>> caseCalls = new InFlight<>();
    private final InFlight<ParameterSetView> parameterSetCalls = new InFlight<>();
    private final PeerCalls peer = new PeerCalls("case-service", DefinitionCatalog.PEER_SETTINGS);

    public CaseDirectory(@RestClient CaseServiceApi client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** Whether the case exists in the tenant and is not erased. */
    public Uni<CaseStatus> status(String tenant, String caseId) {
        CaseStatus known = cases.get(key(tenant, caseId));
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return data(tenant, caseId).map(found -> {
            CaseStatus status = found == null
                    ? CaseStatus.UNKNOWN
                    : Boolean.TRUE.equals(found.get("erased")) ? CaseStatus.ERASED : CaseStatus.ACTIVE;
            if (status != CaseStatus.UNKNOWN) {
                remember(tenant, caseId, status);
            }
            return status;
        });
    }

    /** The case's data (for workflows whose expressions read {@code case}); null when absent. */
    public Uni<Map<String, Object>> data(String tenant, String caseId) {
        return caseCalls.get(key(tenant, caseId), () -> fetchCase(tenant, caseId)).onFailure()
                .transform(e -> Remote.unavailable("case-service", e));
    }

    /** Records what a case event says. */
    public void remember(String tenant, String caseId, CaseStatus status) {
        if (cases.size() >= MAX_ENTRIES) {
            cases.clear();
        }
        cases.put(key(tenant, caseId), status);
    }

    /** A parameter set, or null when the tenant has none with this id. */
    public Uni<ParameterSetView> parameterSet(String tenant, String id) {
        ParameterSetView known = parameterSets.get(key(tenant, id));
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return parameterSetCalls.get(key(tenant, id), () -> fetchParameterSet(tenant, id)).onFailure()
                .transform(e -> Remote.unavailable("case-service", e)).invoke(set -> {
                    if (set != null) {
                        if (parameterSets.size() >= MAX_ENTRIES) {
                            parameterSets.clear();
                        }
                        parameterSets.put(key(tenant, id), set);
                    }
                });
    }

    /** Whether a parameter set is valid for a published version other than the one it was made for. */
    public Uni<ParameterValidationView> validate(String tenant, String parametersId, int version) {
        String key = key(tenant, parametersId) + "@" + version;
        ParameterValidationView known = validations.get(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return fetchValidation(tenant, parametersId, version).onFailure()
                .transform(e -> Remote.unavailable("case-service", e)).invoke(v -> validations.put(key, v));
    }

    /** Creates a case (a system case of a definition); answers its id. Not retried: a retry could create two. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public Uni<String> create(String tenant, Map<String, Object> fields) {
        return client.create(tokens.authorizationFor(tenant), fields).onFailure()
                .transform(e -> Remote.unavailable("case-service", e)).map(created -> {
                    remember(tenant, String.valueOf(created.get("id")), CaseStatus.ACTIVE);
                    return String.valueOf(created.get("id"));
                });
    }

    /** Merge-patches the case (the updateCase node); failures stay raw for the node's retry policy. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<Map<String, Object>> patch(String tenant, String caseId, Map<String, Object> patch) {
        return client.patch(tokens.authorizationFor(tenant), caseId, patch);
    }

    // The calls below go through the tenant's guard (timeout, retry, circuit breaker; see PeerCalls); failures stay
    // raw so that the callers above can tell an answer (4xx) from the peer's failure.

    Uni<Map<String, Object>> fetchCase(String tenant, String caseId) {
        return peer.call(tenant, () -> client.caseById(tokens.authorizationFor(tenant), caseId))
                .onFailure(Remote::notFound).recoverWithNull();
    }

    Uni<ParameterSetView> fetchParameterSet(String tenant, String id) {
        return peer.call(tenant, () -> client.parameters(tokens.authorizationFor(tenant), id))
                .onFailure(Remote::notFound).recoverWithNull();
    }

    Uni<ParameterValidationView> fetchValidation(String tenant, String parametersId, int version) {
        return peer.call(tenant,
                () -> client.validate(tokens.authorizationFor(tenant), parametersId, Map.of("version", version)));
    }

    private static String key(String tenant, String id) {
        return tenant + "/" + id;
    }
}
