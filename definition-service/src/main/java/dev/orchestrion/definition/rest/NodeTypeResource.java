package dev.orchestrion.definition.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orchestrion.definition.graph.NodeType;
import dev.orchestrion.definition.graph.NodeTypeCatalog;
import dev.orchestrion.support.security.Roles;

@Path("/node-types")
@Tag(name = "Node types", description = "The catalog of docs/node-types.md")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class NodeTypeResource {

    /** The catalog. */
    public record NodeTypeList(List<NodeType> items) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR, Roles.CLIENT, Roles.SERVICE})
    @Operation(summary = "The node-type catalog", description = "Every node type with its properties (name, format, required, default), its execution outputs (dynamicOutputs names the list property whose element names are outputs too) and its output data: the contract runner-service executes against.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "catalog", value = ApiExamples.NODE_TYPES)))
    public NodeTypeList list() {
        return new NodeTypeList(NodeTypeCatalog.all());
    }
}
