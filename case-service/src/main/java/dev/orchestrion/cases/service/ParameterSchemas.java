package dev.orchestrion.cases.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import dev.orchestrion.cases.client.DefinitionServiceClient;
import dev.orchestrion.cases.config.CasesConfig;
import dev.orchestrion.cases.model.ParameterSchema;

/**
 * Parameter schemas, cached per tenant and definition. A definition event drops what is cached for that definition
 * ({@link #invalidate(UUID)}); a time limit is the safety net for an event this instance never saw. The cache holds
 * the pending answer itself, so concurrent requests share one call, a failed call is not kept, and an invalidation
 * during a call makes the next request fetch again.
 */
@ApplicationScoped
public class ParameterSchemas {

    private record CurrentKey(String tenant, UUID definitionId) {
    }

    private record VersionKey(String tenant, UUID definitionId, int version) {
    }

    private final DefinitionServiceClient definitions;
    private final AsyncCache<CurrentKey, ParameterSchema> current;
    private final AsyncCache<VersionKey, ParameterSchema> versions;

    public ParameterSchemas(DefinitionServiceClient definitions, CasesConfig config) {
        this.definitions = definitions;
        this.current = Caffeine.newBuilder().maximumSize(config.schemaCache().maxEntries())
                .expireAfterWrite(config.schemaCache().ttl()).buildAsync();
        this.versions = Caffeine.newBuilder().maximumSize(config.schemaCache().maxEntries())
                .expireAfterWrite(config.schemaCache().ttl()).buildAsync();
    }

    /** The schema a new parameter set of the definition is validated against. */
    public Uni<ParameterSchema> current(String tenant, UUID definitionId) {
        return onCallersContext(Uni.createFrom().completionStage(() -> current.get(new CurrentKey(tenant, definitionId),
                (key, executor) -> definitions.currentSchema(tenant, definitionId).subscribeAsCompletionStage())));
    }

    /** The schema of one published version of the definition. */
    public Uni<ParameterSchema> ofVersion(String tenant, UUID definitionId, int version) {
        return onCallersContext(Uni.createFrom().completionStage(
                () -> versions.get(new VersionKey(tenant, definitionId, version), (key, executor) -> definitions
                        .versionSchema(tenant, definitionId, version).subscribeAsCompletionStage())));
    }

    /** Forgets everything cached about the definition, in every tenant (definition ids are unique). */
    public void invalidate(UUID definitionId) {
        current.synchronous().asMap().keySet().removeIf(key -> key.definitionId().equals(definitionId));
        versions.synchronous().asMap().keySet().removeIf(key -> key.definitionId().equals(definitionId));
    }

    /** A shared answer completes on whichever thread fetched it; the caller continues on its own request context. */
    private static <T> Uni<T> onCallersContext(Uni<T> answer) {
        Context context = Vertx.currentContext();
        return context == null ? answer : answer.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
