package org.openpayloads.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final MasterKey KEY = MasterKey.random();
    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void roundTripsAnyText() {
        for (String secret : new String[] {"", "sk_test_123", "päss wörd ✓", "x".repeat(10_000)}) {
            assertThat(cipher.decrypt(cipher.encrypt(secret))).isEqualTo(secret);
        }
    }

    @Test
    void theStoredTextNamesTheVersionAndKeyAndHidesTheSecret() {
        String sealed = cipher.encrypt("sk_live_secret");

        assertThat(sealed).startsWith("v1:" + KEY.id() + ":").doesNotContain("sk_live_secret");
        byte[] data = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        // 12-byte IV, the 14 bytes of ciphertext, a 16-byte tag.
        assertThat(data).hasSize(12 + 14 + 16);
        assertThat(SecretCipher.keyIdOf(sealed)).isEqualTo(KEY.id());
        assertThat(cipher.keyId()).isEqualTo(KEY.id());
    }

    @Test
    void eachValueGetsAFreshIv() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void anotherKeyCannotDecryptAndTheErrorNamesBothKeys() {
        MasterKey other = MasterKey.random();
        String sealed = cipher.encrypt("top secret value");

        assertThatThrownBy(() -> new SecretCipher(other).decrypt(sealed))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining(other.id())
                .hasMessageContaining(KEY.id())
                .hasMessageNotContaining("top secret value");
    }

    @Test
    void anAlteredValueIsRefused() {
        String sealed = cipher.encrypt("value");
        byte[] data = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        data[data.length - 1] ^= 1;
        String altered = "v1:" + KEY.id() + ":" + Base64.getEncoder().encodeToString(data);

        assertThatThrownBy(() -> cipher.decrypt(altered))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("or it was altered");
    }

    @Test
    void malformedValuesAreRefused() {
        assertThatThrownBy(() -> cipher.decrypt("plain text"))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("expected format v1:<keyId>:<base64>");
        assertThatThrownBy(() -> cipher.decrypt("v2:abc:AAAA"))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("expected format");
        assertThatThrownBy(() -> cipher.decrypt("v1:abc:###"))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("expected format");
        assertThatThrownBy(() -> cipher.decrypt("v1:abc:AAAA"))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("too short");
        assertThat(SecretCipher.keyIdOf("garbage")).isEqualTo("unknown");
    }
}
