package dev.orchestrion.console.rest;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.Multi;
import io.vertx.ext.web.RoutingContext;

import dev.orchestrion.console.events.RunEventHub;
import dev.orchestrion.console.problem.ConsoleProblem;
import dev.orchestrion.console.session.ConsoleSession;
import dev.orchestrion.console.session.Sessions;

/**
 * {@code GET /events}: the signed-in user's tenant's run events as server-sent events ({@code event: run}), fed by
 * {@code workflow.run-events}. A comment line opens the stream once it is registered, and another keeps idle
 * connections open through proxies; a local session's stream ends when the session would.
 */
@Path("/events")
public class RunEventsResource {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final Sessions sessions;
    private final RunEventHub hub;

    public RunEventsResource(Sessions sessions, RunEventHub hub) {
        this.sessions = sessions;
        this.hub = hub;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@Context RoutingContext ctx, @Context Sse sse) {
        ConsoleSession session = sessions.resolve(ctx).orElseThrow(() -> new WebApplicationException(
                ConsoleProblem.unauthenticated().at(ctx.request().path()).response()));
        ctx.response().putHeader("Cache-Control", "no-store");
        Multi<OutboundSseEvent> events = hub.stream(session.user().tenant()).map(message -> sse.newEventBuilder()
                .name("run").id(message.id()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(message).build());
        // merging subscribes in order: "connected" goes out once the tenant's stream is registered in the hub
        Multi<OutboundSseEvent> connected = Multi.createFrom()
                .item(() -> sse.newEventBuilder().comment("connected").build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        Multi<OutboundSseEvent> stream = Multi.createBy().merging().streams(events, connected, keepAlive);
        if (session.expiresAt() != null) {
            Duration left = Duration.between(Instant.now(), session.expiresAt());
            if (left.isNegative() || left.isZero()) { // expired between resolving it and now
                throw new WebApplicationException(ConsoleProblem.unauthenticated().at(ctx.request().path()).response());
            }
            stream = stream.select().first(left);
        }
        return stream;
    }
}
