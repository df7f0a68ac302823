package dev.orchestrion.console.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

import dev.orchestrion.console.session.ConsoleUser;
import dev.orchestrion.console.session.SealedSession;
import dev.orchestrion.console.session.SessionCookieCodec;
import dev.orchestrion.console.session.SessionKeys;
import dev.orchestrion.console.session.Sessions;
import dev.orchestrion.console.testing.Browser;
import dev.orchestrion.console.testing.LocalSignInCodes;

/** Local sign-in (console-contract, /auth/*): a one-time code becomes a session cookie, once. */
@QuarkusTest
class LocalSignInTest {

    private static final ConsoleUser ADA = new ConsoleUser("ada@acme", "acme", List.of("operator"));

    private static SessionCookieCodec codec() {
        byte[] master = Base64.getDecoder().decode(LocalSignInCodes.SESSION_KEY);
        return new SessionCookieCodec(SessionKeys.derive(master, SessionKeys.COOKIE), Duration.ofHours(8),
                Duration.ofHours(24));
    }

    @Test
    void aOneTimeCodeStartsASessionInAnHttpOnlyLaxCookieAndGoesOnToNext() {
        String code = LocalSignInCodes.issue("acme", "operator", "designer");

        Response signIn = given().redirects().follow(false).queryParam("code", code).queryParam("next", "/runs/42")
                .get("/auth/local");

        signIn.then().statusCode(303).header("Location", "/runs/42");
        Cookie cookie = signIn.detailedCookie(Sessions.SESSION_COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofHours(8).toSeconds());
        assertThat(cookie.getPath()).isEqualTo("/");
        given().cookie(Sessions.SESSION_COOKIE, cookie.getValue()).get("/auth/me").then().statusCode(200)
                .header("Cache-Control", "no-store").body("subject", equalTo("tester@acme"))
                .body("tenant", equalTo("acme")).body("roles", equalTo(List.of("designer", "operator")))
                .body("csrfToken", notNullValue());
    }

    @Test
    void aCodeUsedTwiceIsRefusedTheSecondTime() {
        String code = LocalSignInCodes.issue("acme", "operator");
        given().redirects().follow(false).queryParam("code", code).get("/auth/local").then().statusCode(303);

        Response again = given().redirects().follow(false).queryParam("code", code).get("/auth/local");

        again.then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .body("title", equalTo("Unauthenticated")).body("detail", containsString("used"));
        assertThat(again.getCookies()).doesNotContainKey(Sessions.SESSION_COOKIE);
    }

    @Test
    void unknownExpiredAndMissingCodesAreRefused() {
        String expired = LocalSignInCodes.issue("acme", List.of("operator"), Duration.ofSeconds(-1));

        for (String code : List.of(expired, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            given().redirects().follow(false).queryParam("code", code).get("/auth/local").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().redirects().follow(false).get("/auth/local").then().statusCode(401);
    }

    @Test
    void aFailureOfTheConsoleItselfIsA500ProblemNotAnErrorPage() throws Exception {
        // a code whose file cannot be read (a folder in its place): the console cannot answer, and says so as a problem
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        java.nio.file.Path unreadable = LocalSignInCodes.dir()
                .resolve(dev.orchestrion.console.signin.SignInCodes.fileName(code));
        java.nio.file.Files.createDirectory(unreadable);
        try {
            given().redirects().follow(false).queryParam("code", code).get("/auth/local").then().statusCode(500)
                    .contentType("application/problem+json").body("status", equalTo(500))
                    .body("detail", org.hamcrest.Matchers.not(containsString("sign-in code folder")));
        } finally {
            java.nio.file.Files.deleteIfExists(unreadable);
        }
    }

    @Test
    void aNextOutsideTheConsoleLeadsToTheStartPage() {
        for (String next : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "runs")) {
            given().redirects().follow(false).queryParam("code", LocalSignInCodes.issue("acme", "operator"))
                    .queryParam("next", next).get("/auth/local").then().statusCode(303).header("Location", "/");
        }
    }

    @Test
    void withoutASessionMeIsA401Problem() {
        given().get("/auth/me").then().statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Unauthenticated")).body("instance", equalTo("/auth/me"));
    }

    @Test
    void aSessionIdleLongerThanItsTimeoutOrPastItsLifetimeHasEnded() {
        Instant now = Instant.now();
        String idle = codec().seal(codec().start(ADA, "n", now.minus(Duration.ofHours(8)).minusSeconds(5)));
        String tooOld = codec().seal(new SealedSession("ada@acme", "acme", List.of("operator"), "n",
                now.minus(Duration.ofHours(25)).getEpochSecond(), now.plus(Duration.ofHours(1)).getEpochSecond()));
        String fresh = codec().seal(codec().start(ADA, "n", now.minus(Duration.ofHours(2))));

        given().cookie(Sessions.SESSION_COOKIE, idle).get("/auth/me").then().statusCode(401);
        given().cookie(Sessions.SESSION_COOKIE, tooOld).get("/auth/me").then().statusCode(401);
        given().cookie(Sessions.SESSION_COOKIE, fresh).get("/auth/me").then().statusCode(200).body("subject",
                equalTo("ada@acme"));
    }

    @Test
    void usingASessionMovesItsExpiryOn() {
        String twoHoursOld = codec().seal(codec().start(ADA, "n", Instant.now().minus(Duration.ofHours(2))));

        Response me = given().cookie(Sessions.SESSION_COOKIE, twoHoursOld).get("/auth/me");

        me.then().statusCode(200);
        Cookie moved = me.detailedCookie(Sessions.SESSION_COOKIE);
        assertThat(moved.getMaxAge()).isBetween(Duration.ofHours(8).toSeconds() - 60, Duration.ofHours(8).toSeconds());
        assertThat(codec().open(moved.getValue(), Instant.now().plus(Duration.ofHours(7)))).isPresent();
    }

    @Test
    void aForgedCookieIsNoSession() {
        String sealedWithAnotherKey = new SessionCookieCodec(SessionKeys.random(), Duration.ofHours(8),
                Duration.ofHours(24)).seal(codec().start(ADA, "n", Instant.now()));

        given().cookie(Sessions.SESSION_COOKIE, sealedWithAnotherKey).get("/auth/me").then().statusCode(401);
        given().cookie(Sessions.SESSION_COOKIE, "e30").get("/auth/me").then().statusCode(401);
    }

    @Test
    void signingOutNeedsTheCsrfTokenThenClearsTheCookie() {
        Browser browser = Browser.signIn("acme", "operator");

        browser.request().post("/auth/logout").then().statusCode(403).contentType("application/problem+json");
        browser.request().header("X-CSRF-Token", "guess").post("/auth/logout").then().statusCode(403);
        Response out = browser.changing().post("/auth/logout");

        out.then().statusCode(204);
        Cookie cleared = out.detailedCookie(Sessions.SESSION_COOKIE);
        assertThat(cleared.getValue()).isEmpty();
        assertThat(cleared.getMaxAge()).isZero();
    }

    @Test
    void productionSignInIsNotOfferedByALocalConsole() {
        given().redirects().follow(false).get("/auth/login").then().statusCode(404)
                .contentType("application/problem+json").body("detail", matchesPattern(".*./orchestrion up.*"));
    }
}
