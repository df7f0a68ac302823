package dev.orchestrion.runner.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.webhook.service.WebhookSignature;

class WebhookSignatureTest {

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretSpaceSeparatedDuringARotation() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(current, previous), "id-1", 1700000000L, "{}");
        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(current, "id-1", 1700000000L, "{}"),
                WebhookSignature.sign(previous, "id-1", 1700000000L, "{}"));
        assertThat(header.split(" ")[0]).isNotEqualTo(header.split(" ")[1]);
    }

    @Test
    void newSecretsAreRandom32ByteWhsecSecrets() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSignature.newSecret();
            assertThat(secret).startsWith("whsec_");
            assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
    }
}
