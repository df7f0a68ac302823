package dev.orchestrion.runner.client;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** case-service's API as the runner uses it (docs/architecture.md, "Service-to-service calls"). */
@RegisterRestClient(configKey = "case-service")
interface CaseServiceApi {

    @GET
    @Path("/cases/{id}")
    Uni<Map<String, Object>> caseById(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @POST
    @Path("/cases")
    Uni<Map<String, Object>> create(@HeaderParam("Authorization") String authorization, Map<String, Object> fields);

    @PATCH
    @Path("/cases/{id}")
    @Consumes("application/merge-patch+json")
    Uni<Map<String, Object>> patch(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            Map<String, Object> patch);

    @GET
    @Path("/parameters/{id}")
    Uni<ParameterSetView> parameters(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @POST
    @Path("/parameters/{id}/validation")
    Uni<ParameterValidationView> validate(@HeaderParam("Authorization") String authorization,
            @PathParam("id") String id, Map<String, Object> request);
}
