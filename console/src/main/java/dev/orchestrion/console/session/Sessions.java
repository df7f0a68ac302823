package dev.orchestrion.console.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import dev.orchestrion.console.config.ConsoleConfig;
import dev.orchestrion.console.config.SignInMode;
import dev.orchestrion.console.config.SignInPolicy;

/**
 * The browser's session, whichever way it signed in: locally, a sealed cookie of the console's own; in production,
 * the session quarkus-oidc keeps (its cookie holds the identity provider's tokens) plus a cookie with the nonce the
 * CSRF token is bound to. Both cookies are HttpOnly and SameSite=Lax.
 */
@ApplicationScoped
public class Sessions {

    public static final String SESSION_COOKIE = "orchestrion_session";
    public static final String CSRF_NONCE_COOKIE = "orchestrion_csrf";

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    /** A local cookie is sealed anew at most this often, so that every request does not set it again. */
    private static final Duration SLIDE_STEP = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignInMode mode;
    private final SessionCookieCodec codec;
    private final CsrfTokens csrf;
    private final Duration maxLifetime;
    private final boolean secureCookies;
    private final String tenantClaim;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    public Sessions(ConsoleConfig config) {
        List<String> profiles = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
        this.mode = SignInPolicy.effective(config.signIn().mode(), profiles);
        if (mode != config.signIn().mode()) {
            LOG.warnf("Local sign-in is configured, but the %s profile is active: the console signs in with OpenID "
                    + "Connect only, and /auth/local is refused", SignInPolicy.PROD_PROFILE);
        }
        byte[] master = SessionKeys.decode(config.session().key()).orElseGet(() -> {
            LOG.warn("No orchestrion.console.session.key: sessions are sealed with a key made for this process and "
                    + "end when it stops (set ORCHESTRION_CONSOLE_SESSION_KEY, the same on every replica)");
            return SessionKeys.random();
        });
        this.maxLifetime = config.session().maxLifetime();
        this.codec = new SessionCookieCodec(SessionKeys.derive(master, SessionKeys.COOKIE),
                config.session().idleTimeout(), maxLifetime);
        this.csrf = new CsrfTokens(SessionKeys.derive(master, SessionKeys.CSRF));
        this.secureCookies = config.session().secureCookie();
        this.tenantClaim = config.signIn().tenantClaim();
    }

    public SignInMode mode() {
        return mode;
    }

    /** The request's session, if it has one (a local cookie is moved on as it is used). */
    public Optional<ConsoleSession> resolve(RoutingContext ctx) {
        return mode == SignInMode.LOCAL ? resolveLocal(ctx) : resolveOidc(ctx);
    }

    /** Whether the identity provider signed the request's user in, but without what a session needs (a tenant). */
    public boolean signedInWithoutSession(RoutingContext ctx) {
        return mode == SignInMode.OIDC && ctx.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity() != null && !user.getSecurityIdentity().isAnonymous()
                && resolveOidc(ctx).isEmpty();
    }

    /** Starts a local session for {@code user}: the sealed cookie goes out with this response. */
    public ConsoleSession signInLocally(RoutingContext ctx, ConsoleUser user) {
        if (mode != SignInMode.LOCAL) {
            throw new IllegalStateException("Local sign-in is not enabled");
        }
        SealedSession session = codec.start(user, nonce(), clock.instant());
        setSessionCookie(ctx, session);
        return new ConsoleSession(user, session.nonce(), codec.expiry(session), null);
    }

    /** Forgets the console's cookies in the browser (quarkus-oidc clears its own on OidcSession.logout). */
    public void clearCookies(RoutingContext ctx) {
        ctx.response().addCookie(cookie(SESSION_COOKIE, "", 0));
        ctx.response().addCookie(cookie(CSRF_NONCE_COOKIE, "", 0));
    }

    public String csrfToken(ConsoleSession session) {
        return csrf.tokenFor(session.csrfNonce(), session.user().subject());
    }

    /** GET and HEAD change nothing; every other method needs the session's CSRF token in {@code X-CSRF-Token}. */
    public boolean csrfAccepted(RoutingContext ctx, ConsoleSession session) {
        String method = ctx.request().method().name();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        return csrf.matches(ctx.request().getHeader(CsrfTokens.HEADER), session.csrfNonce(), session.user().subject());
    }

    private Optional<ConsoleSession> resolveLocal(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        Instant now = clock.instant();
        Optional<SealedSession> opened = cookie == null ? Optional.empty() : codec.open(cookie.getValue(), now);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        SealedSession session = opened.get();
        SealedSession touched = codec.touch(session, now);
        if (touched.idleUntil() - session.idleUntil() >= SLIDE_STEP.toSeconds()) {
            session = touched;
            setSessionCookie(ctx, session);
        }
        return Optional.of(new ConsoleSession(session.user(), session.nonce(), codec.expiry(session), null));
    }

    private Optional<ConsoleSession> resolveOidc(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user)) {
            return Optional.empty();
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        AccessTokenCredential accessToken = identity == null || identity.isAnonymous()
                ? null
                : identity.getCredential(AccessTokenCredential.class);
        if (accessToken == null || accessToken.getToken() == null) {
            return Optional.empty();
        }
        JsonNode claims = accessToken.isOpaque() ? JSON.createObjectNode() : claimsOf(accessToken.getToken());
        String subject = text(claims, "sub");
        String tenant = text(claims, tenantClaim);
        if (identity.getPrincipal() instanceof JsonWebToken idToken) {
            // an opaque access token: the ID token carries the same claims
            subject = subject != null ? subject : idToken.getSubject();
            tenant = tenant != null ? tenant : stringClaim(idToken, tenantClaim);
        }
        if (subject == null) {
            subject = identity.getPrincipal().getName();
        }
        if (tenant == null) {
            LOG.debugf("The signed-in user %s has no %s claim: no console session", subject, tenantClaim);
            return Optional.empty();
        }
        List<String> roles = new ArrayList<>(identity.getRoles());
        Collections.sort(roles);
        Cookie nonceCookie = ctx.request().getCookie(CSRF_NONCE_COOKIE);
        String nonce = nonceCookie == null || nonceCookie.getValue().isBlank() ? null : nonceCookie.getValue();
        if (nonce == null) {
            nonce = nonce();
            ctx.response().addCookie(cookie(CSRF_NONCE_COOKIE, nonce, maxLifetime.toSeconds()));
        }
        return Optional
                .of(new ConsoleSession(new ConsoleUser(subject, tenant, roles), nonce, null, accessToken.getToken()));
    }

    private void setSessionCookie(RoutingContext ctx, SealedSession session) {
        long maxAge = Math.max(0, session.idleUntil() - clock.instant().getEpochSecond());
        ctx.response().addCookie(cookie(SESSION_COOKIE, codec.seal(session), maxAge));
    }

    private Cookie cookie(String name, String value, long maxAgeSeconds) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSecure(secureCookies)
                .setSameSite(CookieSameSite.LAX).setMaxAge(maxAgeSeconds);
    }

    private String nonce() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static JsonNode claimsOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return JSON.createObjectNode();
        }
        try {
            // quarkus-oidc has verified this token (authentication.verify-access-token): only its claims are read here
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.path(name);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

}
