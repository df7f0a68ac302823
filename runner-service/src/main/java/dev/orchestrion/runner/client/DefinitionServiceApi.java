package dev.orchestrion.runner.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.engine.graph.WorkflowVersion;

/** definition-service's API as the runner uses it (docs/architecture.md, "Service-to-service calls"). */
@RegisterRestClient(configKey = "definition-service")
interface DefinitionServiceApi {

    @GET
    @Path("/definitions/{id}")
    Uni<DefinitionView> definition(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @GET
    @Path("/definitions/{id}/versions/{version}")
    Uni<WorkflowVersion> version(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            @PathParam("version") int version);

    @GET
    @Path("/priorities")
    Uni<PriorityOrder> priorities(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/internal/connections/{id}")
    Uni<JsonNode> connection(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            @QueryParam("environment") String environment);
}
