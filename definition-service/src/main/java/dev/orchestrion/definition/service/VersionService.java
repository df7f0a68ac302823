package dev.orchestrion.definition.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.ParameterSpec;
import dev.orchestrion.definition.model.PublishedVersion;
import dev.orchestrion.definition.model.PublishedVersionSummary;
import dev.orchestrion.definition.repository.DefinitionRepository;
import dev.orchestrion.definition.repository.VersionRepository;
import dev.orchestrion.support.domain.NotFound;

/** Published versions (readable forever, also after a soft delete) and the parameter schema case-service asks for. */
@ApplicationScoped
public class VersionService {

    private final VersionRepository versions;
    private final DefinitionRepository definitions;
    private final DefinitionService definitionService;

    public VersionService(VersionRepository versions, DefinitionRepository definitions,
            DefinitionService definitionService) {
        this.versions = versions;
        this.definitions = definitions;
        this.definitionService = definitionService;
    }

    public Uni<PublishedVersion> version(String tenant, String definitionId, int number) {
        return versions.find(tenant, definitionId, number).onItem().ifNull()
                .switchTo(() -> materializeLatest(tenant, definitionId, number)).onItem().ifNull()
                .failWith(() -> new NotFound("Version " + number + " of workflow definition", definitionId));
    }

    /**
     * The latest version when its own document is missing (the service stopped between publishing and writing it):
     * rebuilt from the definition document, which holds everything it needs, and stored.
     */
    private Uni<PublishedVersion> materializeLatest(String tenant, String definitionId, int number) {
        return definitions.findIncludingDeleted(tenant, definitionId).chain(stored -> {
            if (stored == null || stored.publishedVersion() == null || stored.publishedVersion() != number) {
                return Uni.createFrom().nullItem();
            }
            return definitionService.publishedContentOf(stored)
                    .map(content -> PublishedVersion.of(definitionId, number, stored.publishedAt(),
                            stored.publishedBy(), content, stored.publishedConnections()))
                    .call(version -> versions.insertIfAbsent(tenant, version));
        });
    }

    public Uni<List<PublishedVersionSummary>> list(String tenant, String definitionId) {
        return definitions.findIncludingDeleted(tenant, definitionId).onItem().ifNull()
                .failWith(() -> new NotFound(DefinitionService.WHAT, definitionId))
                .call(stored -> stored.publishedVersion() == null
                        ? Uni.createFrom().voidItem()
                        : version(tenant, definitionId, stored.publishedVersion()).replaceWithVoid())
                .chain(stored -> versions.list(tenant, definitionId));
    }

    public record ParameterSchema(String definitionId, String status, Integer version, List<ParameterSpec> parameters) {
    }

    /** The schema of the current published version, or of the draft when never started. */
    public Uni<ParameterSchema> parameterSchema(String tenant, String definitionId) {
        return definitionService.stored(tenant, definitionId).chain(stored -> {
            if (stored.publishedVersion() == null) {
                return definitionService.draftOf(stored).map(draft -> new ParameterSchema(definitionId,
                        stored.status().name(), null, draft.normalized().parameters()));
            }
            return version(tenant, definitionId, stored.publishedVersion())
                    .map(v -> new ParameterSchema(definitionId, stored.status().name(), v.version(), v.parameters()));
        });
    }

}
