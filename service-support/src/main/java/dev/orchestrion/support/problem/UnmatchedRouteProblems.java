package dev.orchestrion.support.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/**
 * Answers requests that no route matches (and other failures the HTTP layer ends itself) with problem+json, so that
 * a client gets the same error shape whether or not the path exists.
 */
@Singleton
public class UnmatchedRouteProblems {

    private final RoutingProblems problems;

    public UnmatchedRouteProblems(RoutingProblems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.errorHandler(404,
                ctx -> problems.write(ctx, "about:blank", 404, "Not Found", "No resource at " + ctx.request().path()));
        router.errorHandler(405, ctx -> problems.write(ctx, "about:blank", 405, "Method Not Allowed",
                "This resource does not support " + ctx.request().method()));
        router.errorHandler(401,
                ctx -> problems.write(ctx, "about:blank", 401, "Unauthenticated", "A valid bearer token is required"));
        router.errorHandler(403,
                ctx -> problems.write(ctx, "about:blank", 403, "Forbidden", "Your roles do not allow this action"));
        router.errorHandler(413,
                ctx -> problems.write(ctx, "about:blank", 413, "Payload Too Large", "The request body is too large"));
    }
}
