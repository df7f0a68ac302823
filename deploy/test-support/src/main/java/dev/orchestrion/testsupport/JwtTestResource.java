package dev.orchestrion.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes the service under test trust the test JVM's signing key ({@link TestTokens}) and sign its own service
 * tokens with it, as the local stack does with its generated key.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey", TestTokens.publicKeyPem(), "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "smallrye.jwt.sign.key", TestTokens.privateKeyPem(), "smallrye.jwt.new-token.issuer",
                TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // nothing to release
    }
}
