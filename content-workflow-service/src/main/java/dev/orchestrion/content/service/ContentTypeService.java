package dev.orchestrion.content.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.repository.ContentTypeRepository;
import dev.orchestrion.content.rest.ContentTypeRequest;
import dev.orchestrion.support.problem.ProblemException;

/** Content type definitions of the caller's tenant. */
@ApplicationScoped
public class ContentTypeService {

    /** The one-state workflow every content type follows unless it names another. */
    public static final String DEFAULT_WORKFLOW = "saved";

    private final ContentTypeRepository types;

    public ContentTypeService(ContentTypeRepository types) {
        this.types = types;
    }

    public Uni<ContentType> put(String tenant, String name, ContentTypeRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return types.find(tenant, name).chain(existing -> types.upsert(new ContentType(tenant, name,
                request.label() != null ? request.label() : name,
                request.workflowId() != null ? request.workflowId() : DEFAULT_WORKFLOW,
                existing == null ? 1 : existing.version() + 1, existing == null ? now : existing.createdAt(), now)));
    }

    public Uni<ContentType> get(String tenant, String name) {
        return types.find(tenant, name).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Content type", name));
    }
}
