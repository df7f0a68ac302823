package dev.orchestrion.cases.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * definition-service's HTTP API as case-service calls it (docs/architecture.md, "Service-to-service calls"). Only
 * {@link ParameterSchemas} uses it: it owns the timeout, retry, circuit breaker and cache.
 */
@RegisterRestClient(configKey = "definition-service")
@Path("/definitions")
@Produces(MediaType.APPLICATION_JSON)
interface DefinitionServiceClient {

    /** The parameter schema of the current published version, or of the draft of a never-started definition. */
    @GET
    @Path("/{id}/parameter-schema")
    Uni<ParameterSchemaDocument> parameterSchema(@PathParam("id") UUID definitionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** A published version (immutable). */
    @GET
    @Path("/{id}/versions/{version}")
    Uni<PublishedVersionDocument> publishedVersion(@PathParam("id") UUID definitionId,
            @PathParam("version") int version, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
