package org.openpayloads.store.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets with AES-256-GCM under the master key. Each value gets a fresh random 12-byte IV; the
 * stored text is {@code v1:<keyId>:<base64(iv || ciphertext+tag)>}, so that a value names the key that
 * sealed it and a later format can be told apart. Thread-safe.
 */
public final class SecretCipher {

    static final String VERSION = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    // Binds values to their use: a ciphertext copied from elsewhere under the same key does not decrypt.
    private static final byte[] AAD = "openpayloads/credential-secret".getBytes(StandardCharsets.UTF_8);

    private final MasterKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(MasterKey key) {
        this.key = key;
    }

    public String keyId() {
        return key.id();
    }

    public String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed; this JVM lacks " + TRANSFORMATION, e);
        }
    }

    /**
     * @throws DecryptionException when the value is not in the stored format, or was sealed by another key,
     *     or was changed
     */
    public String decrypt(String stored) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new DecryptionException("A stored secret is not in the expected format v1:<keyId>:<base64>");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("A stored secret is not in the expected format v1:<keyId>:<base64>");
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new DecryptionException("A stored secret is too short: " + data.length
                    + " bytes; expected at least " + (IV_BYTES + TAG_BITS / 8));
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(AAD);
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("A stored secret does not decrypt with master key " + key.id()
                    + "; it was encrypted with key " + parts[1] + ", or it was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed; this JVM lacks " + TRANSFORMATION, e);
        }
    }

    /** The id of the key that sealed a stored value, as the value says; "unknown" when it is malformed. */
    public static String keyIdOf(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length == 3 ? parts[1] : "unknown";
    }
}
