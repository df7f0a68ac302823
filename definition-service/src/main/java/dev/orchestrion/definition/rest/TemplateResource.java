package dev.orchestrion.definition.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.service.DefinitionService;
import dev.orchestrion.definition.service.TemplateCatalog;
import dev.orchestrion.definition.service.TemplateCatalog.Template;
import dev.orchestrion.support.edge.OptionalBody;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.problem.ProblemException;
import dev.orchestrion.support.security.Caller;
import dev.orchestrion.support.security.Roles;

@Path("/templates")
@Tag(name = "Templates", description = "Ready-made workflows to start from")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private static final String JSON = MediaType.APPLICATION_JSON;

    public record TemplateSummary(String id, String name, String description) {
    }

    public record Category(String category, List<TemplateSummary> templates) {
    }

    public record Catalog(List<Category> categories) {
    }

    /** Optional body of {@code POST /templates/{id}/definitions}: the new definition's name and folder. */
    public record FromTemplate(String name, String folderId) {
    }

    private final TemplateCatalog templates;
    private final DefinitionService definitions;
    private final Caller caller;

    public TemplateResource(TemplateCatalog templates, DefinitionService definitions, Caller caller) {
        this.templates = templates;
        this.definitions = definitions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR})
    @Operation(summary = "The template catalog, grouped by category")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "catalog", value = ApiExamples.TEMPLATES)))
    public Catalog list() {
        Map<String, List<TemplateSummary>> byCategory = new LinkedHashMap<>();
        for (Template t : templates.all()) {
            byCategory.computeIfAbsent(t.category(), k -> new java.util.ArrayList<>())
                    .add(new TemplateSummary(t.id(), t.name(), t.description()));
        }
        return new Catalog(byCategory.entrySet().stream().map(e -> new Category(e.getKey(), e.getValue())).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.OPERATOR})
    @Operation(summary = "A template with its definition")
    @APIResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "template", value = "{\"id\": \"abandoned-cart\", \"category\": \"E-commerce\", \"name\": \"Abandoned cart reminder\", \"description\": \"...\", \"definition\": "
            + ApiExamples.DEFINITION + "}")))
    public Template get(@PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id) {
        return templates.find(id).orElseThrow(() -> ProblemException.notFound("Template", id));
    }

    @POST
    @Path("/{id}/definitions")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create a draft definition from a template", description = "The draft may have incidents until the connections the template names exist.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, examples = @ExampleObject(name = "named", value = ApiExamples.FROM_TEMPLATE)))
    @APIResponse(responseCode = "201", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "created", value = ApiExamples.DEFINITION_RESPONSE)))
    public Uni<Response> instantiate(@PathParam("id") @ResourceId(ResourceId.Kind.NAME) String id,
            @OptionalBody FromTemplate request) {
        Template template = get(id);
        DefinitionContent content = template.definition();
        if (request != null && request.name() != null && !request.name().isBlank()) {
            content = content.withName(request.name());
        }
        if (request != null && request.folderId() != null) {
            content = content.withFolderId(request.folderId());
        }
        return definitions.create(caller.tenant(), caller.subject(), content).map(
                v -> DefinitionResource.withEtag(Response.created(URI.create("/definitions/" + v.stored().id())), v));
    }
}
