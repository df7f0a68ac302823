package dev.orchestrion.console.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.orchestrion.localstack.SigningKeys;

/**
 * An OpenID Connect provider on 127.0.0.1 for the authorization-code flow: its token endpoint answers any code with an
 * ID token and an access token for {@link #SUBJECT} of tenant {@link #TENANT} with {@link #ROLES} in {@code groups}
 * (the claims the services read), signed with a key its JWKS publishes. The authorization endpoint itself is never
 * called: a test reads the state from the console's redirect and calls the console's callback as the browser would.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "orchestrion-console";
    public static final String SUBJECT = "ada";
    public static final String TENANT = "acme";
    public static final List<String> ROLES = List.of("designer", "operator");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEYS = SigningKeys.generate();
    private static final String KEY_ID = "fake-idp-1";
    private static WireMockServer server;
    private static String accessToken;

    public static String accessToken() {
        return accessToken;
    }

    public static String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String issuer = url();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new HashMap<>(Map.of("iss", issuer, "sub", SUBJECT, "iat", now, "exp", now + 3600,
                "tenant", TENANT, "groups", ROLES, "preferred_username", SUBJECT));
        accessToken = sign(claims);
        claims.put("aud", CLIENT_ID);
        String idToken = sign(claims);
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(json(Map.of("access_token",
                        accessToken, "id_token", idToken, "token_type", "Bearer", "expires_in", 3600)))));
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        server.stubFor(
                get(urlPathEqualTo("/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(json(Map.of("keys",
                                List.of(Map.of("kty", "RSA", "kid", KEY_ID, "use", "sig", "alg", "RS256", "n",
                                        base64Url(unsigned(key.getModulus().toByteArray())), "e",
                                        base64Url(unsigned(key.getPublicExponent().toByteArray())))))))));

        Map<String, String> config = new HashMap<>();
        for (String prefix : List.of("", "%prod.")) {
            config.put(prefix + "quarkus.oidc.auth-server-url", issuer);
            config.put(prefix + "quarkus.oidc.client-id", CLIENT_ID);
            config.put(prefix + "quarkus.oidc.credentials.secret", "fake-idp-client-secret");
        }
        config.put("quarkus.oidc.discovery-enabled", "false");
        config.put("quarkus.oidc.authorization-path", "/authorize");
        config.put("quarkus.oidc.token-path", "/token");
        config.put("quarkus.oidc.jwks-path", "/jwks");
        config.put("quarkus.oidc.token.issuer", issuer);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String sign(Map<String, Object> claims) {
        String header = base64Url(
                json(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID)).getBytes(StandardCharsets.UTF_8));
        String payload = base64Url(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEYS.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(byte[] bigInteger) {
        return bigInteger.length > 1 && bigInteger[0] == 0
                ? java.util.Arrays.copyOfRange(bigInteger, 1, bigInteger.length)
                : bigInteger;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
