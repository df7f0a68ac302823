package dev.orchestrion.definition.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.orchestrion.definition.model.Incident;
import dev.orchestrion.definition.service.IncidentsException;
import dev.orchestrion.support.problem.Problem;

/** A start or publish refused for incidents: 422 problem+json listing every incident (and each as a field error). */
public class IncidentsExceptionMapper {

    /** The problem body, with the incidents beside the usual fields. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record IncidentsProblem(String type, String title, int status, String detail, String instance,
            List<Problem.FieldError> errors, List<Incident> incidents) {
    }

    @ServerExceptionMapper
    public Response incidents(IncidentsException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.incidents().stream()
                .map(i -> new Problem.FieldError(field(i), i.code() + ": " + i.message())).toList();
        return Response.status(422).type(Problem.MEDIA_TYPE)
                .entity(new IncidentsProblem("https://orchestrion.dev/problems/incidents", "Definition has incidents",
                        422, e.getMessage(), uri.getPath(), errors, e.incidents()))
                .build();
    }

    private static String field(Incident i) {
        if (i.nodeId() != null) {
            return "nodes." + i.nodeId() + (i.property() != null ? "." + i.property() : "");
        }
        return i.property() != null ? i.property() : "definition";
    }
}
