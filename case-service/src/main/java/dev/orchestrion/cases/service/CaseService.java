package dev.orchestrion.cases.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.mapping.CaseMapper;
import dev.orchestrion.cases.model.CaseEntity;
import dev.orchestrion.cases.repository.CaseRepository;
import dev.orchestrion.cases.rest.CreateCaseRequest;
import dev.orchestrion.support.problem.ProblemException;

/** Creating, reading and changing cases, always within the caller's tenant. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;

    public CaseService(CaseRepository cases) {
        this.cases = cases;
    }

    @WithTransaction
    public Uni<CaseEntity> create(String tenant, CreateCaseRequest request) {
        CaseEntity entity = new CaseEntity();
        entity.id = UUID.randomUUID();
        entity.tenant = tenant;
        CaseMapper.apply(request, entity);
        entity.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entity.updatedAt = entity.createdAt;
        return cases.persist(entity);
    }

    @WithSession
    public Uni<CaseEntity> get(String tenant, UUID id) {
        return cases.findInTenant(tenant, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Case", id));
    }
}
