package dev.orchestrion.support.edge;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

import dev.orchestrion.support.problem.RoutingProblems;

/**
 * The size limits of a request, answered with problem+json before anything reads the request: a body longer than
 * {@code quarkus.http.limits.max-body-size} (by its Content-Length) is a 413, a URI longer than
 * {@code orchestrion.http.max-uri-length} a 414. Quarkus's own checks behind these answer with an empty body; they
 * still catch a chunked body that grows past the limit and a request line past
 * {@code quarkus.http.limits.max-initial-line-length}.
 */
@Singleton
public class RequestLimits {

    /** Runs before Quarkus's body-size route (order -2): filters get order -priority. */
    static final int PRIORITY = 100;

    private final long maxBodyBytes;
    private final int maxUriLength;
    private final RoutingProblems problems;

    public RequestLimits(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            @ConfigProperty(name = "orchestrion.http.max-uri-length", defaultValue = "8192") int maxUriLength,
            RoutingProblems problems) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxUriLength = maxUriLength;
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri != null && uri.length() > maxUriLength) {
            problems.write(ctx, "https://orchestrion.dev/problems/uri-too-long", 414, "URI Too Long",
                    "The request URI is " + uri.length() + " characters long; the limit is " + maxUriLength);
            return;
        }
        Long declared = contentLength(ctx.request().getHeader("Content-Length"));
        if (declared != null && declared > maxBodyBytes) {
            // the body is not used: the client is asked to close; the connection is not cut under it, so that a
            // client still sending reads this answer instead of a reset
            ctx.response().putHeader("Connection", "close");
            problems.write(ctx, "https://orchestrion.dev/problems/too-large", 413, "Payload Too Large",
                    "The request body is " + declared + " bytes; this service accepts at most " + maxBodyBytes);
            return;
        }
        ctx.next();
    }

    private static Long contentLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
