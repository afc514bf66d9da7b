package org.openpayloads.engine.inbound;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, and comparisons that take the same time whatever the input. */
final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";
    /** A Mac per thread: looking one up in the security providers costs more than the HMAC of a webhook. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    });

    private Hmac() {
    }

    /** HMAC-SHA256 of {@code parts}, in order, keyed with the secret's UTF-8 bytes. */
    static byte[] sha256(String secret, byte[]... parts) {
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 refused a key", e);
        }
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /**
     * Refuses a signed time further than {@code tolerance} from now, either way; zero accepts any.
     *
     * @param label what carried the time, such as {@code Stripe-Signature}
     * @param why appended to the refusal, or empty
     */
    static void checkAge(String label, long epochSeconds, Instant now, Duration tolerance, String why) {
        long age = now.getEpochSecond() - epochSeconds;
        if (!tolerance.isZero() && Math.abs(age) > tolerance.toSeconds()) {
            throw new AuthenticationException("The " + label + " timestamp is " + Math.abs(age) + " s "
                    + (age >= 0 ? "old" : "in the future") + "; at most " + tolerance.toSeconds() + " s is accepted"
                    + why);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Whether two texts are equal, in a time that does not depend on where they differ. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
