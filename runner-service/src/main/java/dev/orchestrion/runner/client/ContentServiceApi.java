package dev.orchestrion.runner.client;

import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** content-workflow-service's API as the runner uses it: invoking a workflow event on an entry. */
@RegisterRestClient(configKey = "content-service")
interface ContentServiceApi {

    @POST
    @Path("/api/v1/content/{type}/{id}/workflow/events")
    Uni<Map<String, Object>> invoke(@HeaderParam("Authorization") String authorization, @PathParam("type") String type,
            @PathParam("id") String id, Map<String, Object> event);
}
