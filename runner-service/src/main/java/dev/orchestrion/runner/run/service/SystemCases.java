package dev.orchestrion.runner.run.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.client.CaseDirectory;
import dev.orchestrion.runner.run.repository.SystemCaseRepository;

/**
 * The case a definition's runs are for when what triggered them names no case (a schedule tick, a content entry event,
 * a business event or an HTTP call without one): one system case per definition, created through case-service the
 * first time (with {@code externalRef = orchestrion:system:<definitionId>}) and remembered in {@code system_cases}.
 * If two instances create one at the same moment, the first recorded wins and the other stays unused.
 */
@ApplicationScoped
public class SystemCases {

    static final String EXTERNAL_REF_PREFIX = "orchestrion:system:";

    private final Pool pool;
    private final SystemCaseRepository repository;
    private final CaseDirectory cases;
    private final Map<UUID, UUID> known = new ConcurrentHashMap<>();

    public SystemCases(Pool pool, SystemCaseRepository repository, CaseDirectory cases) {
        this.pool = pool;
        this.repository = repository;
        this.cases = cases;
    }

    public Uni<UUID> caseFor(String tenant, UUID definitionId) {
        UUID cached = known.get(definitionId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return repository.find(pool, definitionId)
                .chain(found -> found != null ? Uni.createFrom().item(found) : create(tenant, definitionId))
                .invoke(caseId -> known.put(definitionId, caseId));
    }

    private Uni<UUID> create(String tenant, UUID definitionId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("companyName", "Orchestrion system case");
        fields.put("externalRef", EXTERNAL_REF_PREFIX + definitionId);
        return cases.create(tenant, fields)
                .chain(id -> repository.insertIfAbsent(pool, definitionId, tenant, UUID.fromString(id), Instant.now()));
    }
}
