package dev.orchestrion.runner.outbound;

import java.net.URI;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;

import dev.orchestrion.support.outbound.OutboundGuard;
import dev.orchestrion.support.outbound.OutboundTargets;

/**
 * The HTTP client for every target a tenant chose (http nodes, OAuth2 token URLs, webhooks, run callbacks): each
 * request is checked by the outbound guard, connects to the address the guard checked, and never follows a redirect
 * (a 3xx answer is the answer), so no hop can reach an address the guard would refuse.
 */
public final class GuardedWebClient {

    private final WebClient client;
    private final OutboundTargets targets;

    public GuardedWebClient(Vertx vertx, OutboundTargets targets, WebClientOptions options) {
        this.client = WebClient.create(vertx, new WebClientOptions(options).setFollowRedirects(false));
        this.targets = targets;
    }

    /** A request to {@code url}, once the guard allowed it; fails with RefusedTarget otherwise. Never blocks. */
    public Uni<HttpRequest<Buffer>> request(HttpMethod method, URI url) {
        return targets.check(url).map(target -> pinned(method, target));
    }

    private HttpRequest<Buffer> pinned(HttpMethod method, OutboundGuard.Target target) {
        // Connect to the address the guard checked, while Host and SNI still name the URL's host.
        SocketAddress server = SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress());
        return client
                .requestAbs(method, io.vertx.mutiny.core.net.SocketAddress.newInstance(server), target.url().toString())
                .followRedirects(false);
    }
}
