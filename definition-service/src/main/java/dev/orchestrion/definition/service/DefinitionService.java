package dev.orchestrion.definition.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.DefinitionStatus;
import dev.orchestrion.definition.model.WorkflowDefinition;
import dev.orchestrion.definition.repository.DefinitionRepository;
import dev.orchestrion.definition.rest.CreateDefinitionRequest;
import dev.orchestrion.support.problem.ProblemException;

/** Creating and reading workflow definitions within the caller's tenant. */
@ApplicationScoped
public class DefinitionService {

    private final DefinitionRepository definitions;

    public DefinitionService(DefinitionRepository definitions) {
        this.definitions = definitions;
    }

    public Uni<WorkflowDefinition> create(String tenant, CreateDefinitionRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return definitions.insert(
                new WorkflowDefinition(UUID.randomUUID().toString(), tenant, request.name(), request.description(),
                        request.tags() == null ? List.of() : request.tags(), DefinitionStatus.DRAFT, 0, now, now));
    }

    public Uni<WorkflowDefinition> get(String tenant, String id) {
        return definitions.findInTenant(tenant, id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Workflow definition", id));
    }
}
