package dev.orchestrion.support.edge;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.orchestrion.support.problem.Problem;

/**
 * Quarkus REST refuses a {@code Content-Type} that no method of the path accepts before it has chosen a method; this
 * answers that 415 the way {@link RequestBodyRules} answers a missing one, naming what the path accepts.
 */
public class UnsupportedMediaTypes {

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri, HttpHeaders headers, Request request) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        Problem problem = RequestBodyRules
                .unsupportedMediaType(ConsumedMediaTypes.accepted(request.getMethod(), uri.getPath()), sent)
                .toProblem(uri.getPath());
        return Response.status(415).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
