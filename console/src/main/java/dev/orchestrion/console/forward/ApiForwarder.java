package dev.orchestrion.console.forward;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import dev.orchestrion.console.config.ConsoleConfig;
import dev.orchestrion.console.problem.ConsoleProblem;
import dev.orchestrion.console.session.BearerTokens;
import dev.orchestrion.console.session.ConsoleSession;
import dev.orchestrion.console.session.Sessions;

/**
 * {@code /api/{service}/{path}}: checks the session (401) and, for anything but GET and HEAD, the CSRF token (403),
 * then sends method, path, query, body and the API headers to the service with the session's bearer token, and
 * streams the service's status, headers and body back unchanged (its problem+json included).
 */
@Singleton
public class ApiForwarder {

    private static final Logger LOG = Logger.getLogger(ApiForwarder.class);
    private static final String TARGET = "orchestrion.forward.target";
    private static final String SESSION = "orchestrion.forward.session";
    private static final int ROUTE_ORDER = 10;

    private final Sessions sessions;
    private final BearerTokens tokens;
    private final ServiceTargets targets;
    private final long maxBodyBytes;
    private final long idleTimeoutMillis;
    private final HttpClient client;

    public ApiForwarder(Sessions sessions, BearerTokens tokens, ConsoleConfig config, Vertx vertx) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.targets = new ServiceTargets(config.services());
        this.maxBodyBytes = config.forward().maxBodySize().asLongValue();
        this.idleTimeoutMillis = config.forward().idleTimeout().toMillis();
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) config.forward().connectTimeout().toMillis())
                        .setKeepAlive(true).setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(64));
    }

    void install(@Observes Router router) {
        // two routes: what can be refused is refused before the body is read (Vert.x wants body handlers first)
        router.route(ServiceTargets.PREFIX + "*").order(ROUTE_ORDER).handler(this::admit);
        router.route(ServiceTargets.PREFIX + "*").order(ROUTE_ORDER + 1)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes)).handler(this::forward);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Everything that can be refused before the body is read. */
    void admit(RoutingContext ctx) {
        ConsoleSession session = sessions.resolve(ctx).orElse(null);
        if (session == null) {
            ConsoleProblem.unauthenticated().send(ctx);
            return;
        }
        if (!sessions.csrfAccepted(ctx, session)) {
            ConsoleProblem.csrfRefused().send(ctx);
            return;
        }
        ServiceTargets.Target target = targets.resolve(ctx.normalizedPath(), ctx.request().query()).orElse(null);
        if (target == null) {
            ConsoleProblem.notFound("No service behind " + ctx.normalizedPath() + "; the console forwards /api/"
                    + String.join("/, /api/", targets.services()) + "/").send(ctx);
            return;
        }
        Long declared = contentLength(ctx.request().getHeader("Content-Length"));
        if (declared != null && declared > maxBodyBytes) {
            ctx.response().putHeader("Connection", "close");
            ConsoleProblem
                    .of(413, "Payload Too Large",
                            "The request body is " + declared + " bytes; the console forwards at most " + maxBodyBytes)
                    .send(ctx);
            return;
        }
        ctx.put(SESSION, session);
        ctx.put(TARGET, target);
        ctx.next();
    }

    void forward(RoutingContext ctx) {
        ConsoleSession session = ctx.get(SESSION);
        ServiceTargets.Target target = ctx.get(TARGET);
        RequestOptions options = new RequestOptions().setMethod(ctx.request().method()).setAbsoluteURI(target.url())
                .setIdleTimeout(idleTimeoutMillis);
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            if (ForwardedHeaders.toService(header.getKey())) {
                options.addHeader(header.getKey(), header.getValue());
            }
        }
        options.putHeader("Authorization", "Bearer " + tokens.forSession(session));
        Buffer body = ctx.body().buffer();
        client.request(options)
                .compose(request -> body == null || body.length() == 0 ? request.send() : request.send(body))
                .onSuccess(response -> relay(ctx, target, response))
                .onFailure(failure -> unreachable(ctx, target, failure));
    }

    private static void relay(RoutingContext ctx, ServiceTargets.Target target, HttpClientResponse response) {
        HttpServerResponse out = ctx.response();
        if (out.ended() || out.closed()) {
            return;
        }
        out.setStatusCode(response.statusCode());
        out.setStatusMessage(response.statusMessage() == null
                ? HttpResponseStatus.valueOf(response.statusCode()).reasonPhrase()
                : response.statusMessage());
        response.headers().forEach(header -> {
            if (ForwardedHeaders.toBrowser(header.getKey())) {
                out.headers().add(header.getKey(), header.getValue());
            }
        });
        String location = target.browserLocation(response.getHeader("Location"));
        if (location != null) {
            out.putHeader("Location", location);
        }
        String length = response.getHeader("Content-Length");
        if (length != null) {
            out.putHeader("Content-Length", length);
        } else {
            out.setChunked(true);
        }
        // streamed: a large export never sits whole in the console's memory
        response.pipeTo(out).onFailure(
                failure -> LOG.debugf("Relaying %s answer ended early: %s", target.service(), failure.getMessage()));
    }

    private static void unreachable(RoutingContext ctx, ServiceTargets.Target target, Throwable failure) {
        boolean timedOut = failure instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout");
        LOG.warnf("Forwarding to %s failed: %s", target.service(), failure.toString());
        ConsoleProblem problem = timedOut
                ? ConsoleProblem.of(504, "Gateway Timeout",
                        "The " + target.service() + " service did not answer in time")
                : ConsoleProblem.of(502, "Bad Gateway", "The " + target.service() + " service cannot be reached"
                        + (failure instanceof ConnectException ? "" : " (" + failure.getClass().getSimpleName() + ")"));
        problem.send(ctx);
    }

    private static Long contentLength(String header) {
        try {
            return header == null ? null : Long.valueOf(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
