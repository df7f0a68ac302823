package dev.orchestrion.console.problem;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

/**
 * An RFC 9457 problem the console itself answers with (the services' own problems pass through unchanged): same
 * shape as theirs, so the SPA reads every error one way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsoleProblem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ConsoleProblem of(int status, String title, String detail) {
        return new ConsoleProblem("about:blank", title, status, detail, null);
    }

    public static ConsoleProblem unauthenticated() {
        return of(401, "Unauthenticated", "Sign in to the console first");
    }

    public static ConsoleProblem csrfRefused() {
        return of(403, "Forbidden", "The X-CSRF-Token header is missing or does not match this session's csrfToken");
    }

    public static ConsoleProblem notFound(String detail) {
        return of(404, "Not Found", detail);
    }

    public ConsoleProblem at(String path) {
        return new ConsoleProblem(type, title, status, detail, path);
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends a Vert.x request with this problem. */
    public void send(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(at(ctx.request().path()).json());
    }

    /** This problem as a JAX-RS response. */
    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(json()).build();
    }
}
