package dev.orchestrion.console.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.OidcSession;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import dev.orchestrion.console.config.ConsoleConfig;
import dev.orchestrion.console.config.SignInMode;
import dev.orchestrion.console.problem.ConsoleProblem;
import dev.orchestrion.console.session.ConsoleSession;
import dev.orchestrion.console.session.Sessions;
import dev.orchestrion.console.signin.SignInCodes;

/** Sign-in, the signed-in user, and sign-out (console-contract: {@code /auth/*}). */
@Path("/auth")
public class AuthResource {

    private final Sessions sessions;
    private final Optional<SignInCodes> codes;
    private final Instance<OidcSession> oidcSession;

    public AuthResource(Sessions sessions, ConsoleConfig config, Instance<OidcSession> oidcSession) {
        this.sessions = sessions;
        this.codes = sessions.mode() == SignInMode.LOCAL
                ? config.signIn().codesDir().map(dir -> new SignInCodes(dir, config.signIn().codeMaxLifetime()))
                : Optional.empty();
        this.oidcSession = oidcSession;
    }

    /** What the SPA needs to show the user and to send non-GET requests. */
    public record Me(String subject, String tenant, List<String> roles, String csrfToken) {
    }

    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@Context RoutingContext ctx) {
        return sessions.resolve(ctx)
                .map(session -> Response.ok(new Me(session.user().subject(), session.user().tenant(),
                        session.user().roles(), sessions.csrfToken(session))).header("Cache-Control", "no-store")
                        .build())
                .orElseGet(() -> ConsoleProblem.unauthenticated().at(ctx.request().path()).response());
    }

    /**
     * Production: the identity provider's sign-in (quarkus-oidc answers an anonymous request with the redirect to it
     * and, after the callback, brings the browser back here), then on to {@code next}.
     */
    @GET
    @Path("/login")
    public Response login(@Context RoutingContext ctx, @QueryParam("next") String next) {
        if (sessions.mode() == SignInMode.LOCAL) {
            return ConsoleProblem.notFound("This console signs in locally: open the link ./orchestrion up printed")
                    .at(ctx.request().path()).response();
        }
        Optional<ConsoleSession> session = sessions.resolve(ctx);
        if (session.isPresent()) {
            return redirect(next);
        }
        if (sessions.signedInWithoutSession(ctx)) {
            return ConsoleProblem
                    .of(403, "Forbidden",
                            "Your account carries no tenant, so the console cannot serve "
                                    + "you; ask the identity provider's administrator for one")
                    .at(ctx.request().path()).response();
        }
        throw new UnauthorizedException("Sign-in required");
    }

    /** Local profile only: a one-time code from {@code ./orchestrion console-link} becomes a session cookie. */
    @GET
    @Path("/local")
    public Response local(@Context RoutingContext ctx, @QueryParam("code") String code,
            @QueryParam("next") String next) {
        if (codes.isEmpty()) {
            return ConsoleProblem.notFound("Local sign-in is not available on this console").at(ctx.request().path())
                    .response();
        }
        return codes.get().redeem(code, Instant.now()).map(user -> {
            sessions.signInLocally(ctx, user);
            return redirect(next);
        }).orElseGet(() -> ConsoleProblem
                .of(401, "Unauthenticated",
                        "The sign-in code is unknown, used or expired: ask ./orchestrion console-link for a new link")
                .at(ctx.request().path()).response());
    }

    @POST
    @Path("/logout")
    public Uni<Response> logout(@Context RoutingContext ctx) {
        Optional<ConsoleSession> session = sessions.resolve(ctx);
        if (session.isPresent() && !sessions.csrfAccepted(ctx, session.get())) {
            return Uni.createFrom().item(ConsoleProblem.csrfRefused().at(ctx.request().path()).response());
        }
        sessions.clearCookies(ctx);
        Uni<Void> signedOut = session.isPresent() && !session.get().local()
                ? oidcSession.get().logout()
                : Uni.createFrom().voidItem();
        return signedOut.map(done -> Response.noContent().build());
    }

    /** Only a path of this console: anything else (another host, a scheme, "//host") goes to the start page. */
    static String safeNext(String next) {
        if (next == null || next.length() > 2048 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        return next;
    }

    private static Response redirect(String next) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", safeNext(next))
                .header("Cache-Control", "no-store").build();
    }
}
