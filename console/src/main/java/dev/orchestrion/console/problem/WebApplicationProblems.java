package dev.orchestrion.console.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** JAX-RS refusals (an unknown path under /auth, a wrong method) as problem+json, like every other console error. */
public class WebApplicationProblems {

    private static final Logger LOG = Logger.getLogger(WebApplicationProblems.class);

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

    /**
     * Anything else a resource throws is the console's fault: a 500 problem+json without internals (logged here),
     * never the framework's HTML page. Security's own exceptions keep Quarkus's handling (401, 403, sign-in redirect).
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException exception) {
        if (exception instanceof AuthenticationException || exception instanceof UnauthorizedException
                || exception instanceof ForbiddenException) {
            return null; // not ours: the next mapper (Quarkus security) answers
        }
        LOG.error("unexpected error in the console", exception);
        return ConsoleProblem.of(500, "Internal Server Error", "The console failed to answer; the error is logged")
                .response();
    }
}
