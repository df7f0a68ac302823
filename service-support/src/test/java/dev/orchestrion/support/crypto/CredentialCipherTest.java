package dev.orchestrion.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String KEY_NAME = "orchestrion.test.encryption-key";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final CredentialCipher cipher = new CredentialCipher(randomKey(), KEY_NAME);

    @Test
    void whatIsEncryptedDecryptsWithTheSameKeyAndAssociatedData() {
        String sealed = cipher.encrypt(SECRET, "tenant|id");

        assertThat(sealed).isNotEqualTo(SECRET).doesNotContain(SECRET)
                .doesNotContain(SECRET.substring("whsec_".length()));
        assertThat(cipher.decrypt(sealed, "tenant|id")).isEqualTo(SECRET);
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt(SECRET, "a")).isNotEqualTo(cipher.encrypt(SECRET, "a"));
    }

    @Test
    void anAlteredValueIsRefused() {
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(SECRET, "a"));
        for (int position : new int[]{0, 12, bytes.length - 1}) {
            byte[] altered = bytes.clone();
            altered[position] ^= 1;
            assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(altered), "a"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be decrypted");
        }
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(cut), "a"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("AAAA", "a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("not base64 at all!", "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueMovedToOtherAssociatedDataIsRefused() {
        String sealed = cipher.encrypt(SECRET, "tenant-a|id-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "tenant-b|id-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "tenant-a|id-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = cipher.encrypt(SECRET, "a");

        assertThatThrownBy(() -> new CredentialCipher(randomKey(), KEY_NAME).decrypt(sealed, "a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Stored credentials cannot be decrypted with the configured key");
    }

    @Test
    void aKeyThatIsNotBase64Of32BytesIsRefusedNamingItsSetting() {
        assertThatThrownBy(() -> new CredentialCipher("not base64!", KEY_NAME))
                .isInstanceOf(IllegalStateException.class).hasMessage(KEY_NAME + " is not base64");
        assertThatThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(new byte[16]), KEY_NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(KEY_NAME + " must be base64 of 32 bytes, it has 16");
        assertThatThrownBy(() -> new CredentialCipher(null, KEY_NAME)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KEY_NAME);
    }

    @Test
    void aKeyWithSurroundingWhitespaceIsAccepted() {
        String key = randomKey();
        String sealed = new CredentialCipher(key + "\n", KEY_NAME).encrypt(SECRET, "a");

        assertThat(new CredentialCipher(key, KEY_NAME).decrypt(sealed, "a")).isEqualTo(SECRET);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
