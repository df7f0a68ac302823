package dev.orchestrion.runner.webhook.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.webhook.model.SigningSecrets;
import dev.orchestrion.support.crypto.CredentialCipher;

class SigningSecretCipherTest {

    private final String key = randomKey();
    private final SigningSecretCipher cipher = new SigningSecretCipher(
            new CredentialCipher(key, SigningSecretCipher.KEY));
    private final String owner = SigningSecrets.subscriptionOwner(UUID.randomUUID());

    @Test
    void aSealedSecretIsMarkedHoldsNoClearTextAndOpensForItsOwner() {
        String secret = WebhookSignature.newSecret();
        String sealed = cipher.seal(secret, owner);

        assertThat(sealed).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));
        assertThat(SigningSecretCipher.isSealed(sealed)).isTrue();
        assertThat(cipher.open(sealed, owner)).isEqualTo(secret);
        assertThat(cipher.open(sealed, owner)).as("remembered").isEqualTo(secret);
    }

    @Test
    void aSecretStoredInClearBeforeEncryptionIsUsedAsItIs() {
        String clear = WebhookSignature.newSecret();

        assertThat(SigningSecretCipher.isSealed(clear)).isFalse();
        assertThat(cipher.open(clear, owner)).isEqualTo(clear);
    }

    @Test
    void aValueOfAnotherOwnerOrKeyDoesNotOpenAndTheErrorNamesTheKeySetting() {
        String sealed = cipher.seal(WebhookSignature.newSecret(), owner);
        cipher.open(sealed, owner);

        assertThatThrownBy(() -> cipher.open(sealed, SigningSecrets.subscriptionOwner(UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be decrypted")
                .hasMessageContaining("orchestrion.runner.secrets.encryption-key");
        assertThatThrownBy(() -> cipher.open(sealed, SigningSecrets.callbackOwner("tenant")))
                .isInstanceOf(IllegalStateException.class);
        SigningSecretCipher otherKey = new SigningSecretCipher(
                new CredentialCipher(randomKey(), SigningSecretCipher.KEY));
        assertThatThrownBy(() -> otherKey.open(sealed, owner)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = cipher.seal(WebhookSignature.newSecret(), owner);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open("v1:" + Base64.getEncoder().encodeToString(bytes), owner))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void opensTheSecretsThatSignADelivery() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        Instant now = Instant.now();
        SigningSecrets secrets = SigningSecrets.of(owner, cipher.seal(current, owner), previous, now.plusSeconds(60),
                now);

        assertThat(cipher.open(secrets)).containsExactly(current, previous);
        assertThat(cipher.open(SigningSecrets.of(owner, cipher.seal(current, owner), previous, now, now)))
                .as("the previous one after its grace period").containsExactly(current);
    }

    @Test
    void aPreviousSecretThatNoLongerDecryptsIsLeftOutButTheCurrentOneMustDecrypt() {
        SigningSecretCipher replacedKey = new SigningSecretCipher(
                new CredentialCipher(randomKey(), SigningSecretCipher.KEY));
        String lost = replacedKey.seal(WebhookSignature.newSecret(), owner);
        String current = WebhookSignature.newSecret();
        Instant now = Instant.now();

        assertThat(cipher.open(SigningSecrets.of(owner, cipher.seal(current, owner), lost, now.plusSeconds(60), now)))
                .containsExactly(current);
        assertThatThrownBy(() -> cipher.open(SigningSecrets.of(owner, lost, null, null, now)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be decrypted");
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
