package dev.orchestrion.support.problem;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers requests that no route matches (and other failures the HTTP layer ends itself) with problem+json, so that
 * a client gets the same error shape whether or not the path exists.
 */
@Singleton
public class UnmatchedRouteProblems {

    private final ObjectMapper json;

    public UnmatchedRouteProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.errorHandler(404, ctx -> write(ctx, 404, "Not Found", "No resource at " + ctx.request().path()));
        router.errorHandler(405, ctx -> write(ctx, 405, "Method Not Allowed",
                "This resource does not support " + ctx.request().method()));
        router.errorHandler(401, ctx -> write(ctx, 401, "Unauthenticated", "A valid bearer token is required"));
        router.errorHandler(403, ctx -> write(ctx, 403, "Forbidden", "Your roles do not allow this action"));
        router.errorHandler(413, ctx -> write(ctx, 413, "Payload Too Large", "The request body is too large"));
    }

    private void write(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(
                    new Problem("about:blank", title, status, detail, ctx.request().path(), List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
