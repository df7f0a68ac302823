package dev.orchestrion.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.orchestrion.console.problem.ConsoleProblem;

/**
 * The single-page app's pages: a GET of "/" or of a page path (not under /api/, /auth/, /events or /q/, and without
 * a file extension) answers index.html, so {@code /runs/{id}} opened from an alert lands in the SPA, which routes
 * it. Its assets are static resources of the jar. Requests nothing answers get problem+json, as the services' do.
 */
@Singleton
public class SpaRoutes {

    static final Pattern PAGE = Pattern.compile("^/(?:(?!(?:api|auth|q|events)(?:/|$))(?:[^/.]+/)*[^/.]*)$");
    static final String INDEX = "META-INF/resources/index.html";

    private volatile Buffer index;

    void install(@Observes Router router) {
        router.getWithRegex(PAGE.pattern()).order(-1).handler(this::index);
        router.errorHandler(404, ctx -> ConsoleProblem.notFound("Nothing at " + ctx.request().path()).send(ctx));
        router.errorHandler(405, ctx -> ConsoleProblem
                .of(405, "Method Not Allowed", ctx.request().method() + " is not supported at " + ctx.request().path())
                .send(ctx));
        router.errorHandler(413,
                ctx -> ConsoleProblem.of(413, "Payload Too Large", "The request body is too large").send(ctx));
    }

    static boolean isPage(String path) {
        return PAGE.matcher(path).matches();
    }

    private void index(RoutingContext ctx) {
        Buffer page = indexPage();
        if (page == null) {
            ConsoleProblem.notFound(
                    "The console's web app is not in this build (it was built with " + "-Dconsole.skipWeb=true)")
                    .send(ctx);
            return;
        }
        // never cached: it names the current build's hashed assets
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-cache")
                .end(page);
    }

    private Buffer indexPage() {
        if (index == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(INDEX)) {
                index = in == null ? null : Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }
}
