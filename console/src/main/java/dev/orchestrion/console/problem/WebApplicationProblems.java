package dev.orchestrion.console.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** JAX-RS refusals (an unknown path under /auth, a wrong method) as problem+json, like every other console error. */
public class WebApplicationProblems {

    @ServerExceptionMapper
    public Response map(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        int status = response.getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return ConsoleProblem.of(status, title, exception.getMessage()).response();
    }
}
