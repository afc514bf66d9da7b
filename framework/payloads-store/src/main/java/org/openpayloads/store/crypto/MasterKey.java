package org.openpayloads.store.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 256-bit key that encrypts credential secrets. It comes from {@code PAYLOADS_MASTER_KEY} when set,
 * else from a key file that is made on first run. Losing it loses every stored secret, so the key file
 * is written once, with owner-only permissions, and never replaced.
 */
public final class MasterKey {

    /** The environment variable, and the field every key error names. */
    public static final String ENVIRONMENT_VARIABLE = "PAYLOADS_MASTER_KEY";
    static final int KEY_BYTES = 32;

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String id;
    private final String source;

    private MasterKey(byte[] key, String source) {
        this.key = key.clone();
        this.id = idOf(key);
        this.source = source;
    }

    /**
     * The key from {@code fromEnvironment} (32 bytes as base64, or 64 hex characters) when it is set;
     * else the key in {@code keyFile}, which is made with 32 random bytes if it does not exist.
     *
     * @throws ConfigException on field {@code PAYLOADS_MASTER_KEY} when the value or the file does not hold
     *     a valid key
     */
    public static MasterKey load(@Nullable String fromEnvironment, Path keyFile) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new MasterKey(decode(fromEnvironment, "is not a valid key"), "the environment variable "
                    + ENVIRONMENT_VARIABLE);
        }
        if (!Files.exists(keyFile)) {
            createKeyFile(keyFile);
        }
        return fromFile(keyFile);
    }

    /** A key from raw bytes, for tests and tools. */
    public static MasterKey of(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A master key has " + KEY_BYTES + " bytes; this one has " + key.length);
        }
        return new MasterKey(key, "given bytes");
    }

    /** A new random key, for tests and tools. */
    public static MasterKey random() {
        return new MasterKey(randomBytes(), "random bytes");
    }

    /** The first 8 hex characters of the key's SHA-256: tells keys apart in messages, and is not secret. */
    public String id() {
        return id;
    }

    /** Where the key came from, for messages: the environment variable, or the key file's path. */
    public String source() {
        return source;
    }

    /**
     * A secret derived from this key for one purpose (HMAC-SHA256 of the purpose, base64url): the same on
     * every server that shares the key, and useless for finding the key itself.
     */
    public String derive(String purpose) {
        if (purpose.isBlank()) {
            throw new IllegalArgumentException("a derived secret needs a purpose");
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] derived = mac.doFinal(("openpayloads/" + purpose).getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    private static MasterKey fromFile(Path keyFile) {
        String text;
        try {
            text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigException(ENVIRONMENT_VARIABLE, "is not set, and the key file " + keyFile
                    + " cannot be read (" + e.getMessage() + "); expected a readable file holding 32 bytes as base64");
        }
        warnIfReadableByOthers(keyFile);
        return new MasterKey(decode(text, "is not set, and the key file " + keyFile + " does not hold a valid key"),
                "the key file " + keyFile);
    }

    /**
     * Decodes a key without echoing it: a message names only what was expected and how long the value was.
     */
    private static byte[] decode(String value, String problem) {
        String trimmed = value.trim();
        byte[] bytes;
        if (HEX.matcher(trimmed).matches()) {
            bytes = HexFormat.of().parseHex(trimmed);
        } else {
            try {
                bytes = Base64.getDecoder().decode(trimmed);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ENVIRONMENT_VARIABLE, problem + " (not base64, " + trimmed.length()
                        + " characters); expected 32 bytes as base64 (44 characters) or 64 hex characters");
            }
        }
        if (bytes.length != KEY_BYTES) {
            throw new ConfigException(ENVIRONMENT_VARIABLE, problem + " (" + bytes.length + " bytes); expected "
                    + "32 bytes as base64 (44 characters) or 64 hex characters");
        }
        return bytes;
    }

    /**
     * Writes a new key file. The file is created with mode 0600 in the same call that creates it, so that
     * the key is never readable by others, even for a moment. If another process made it first, its key
     * is kept.
     */
    private static void createKeyFile(Path keyFile) {
        byte[] encoded = Base64.getEncoder().encode(randomBytes());
        try {
            Path parent = keyFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileAttribute<?>[] attributes = supportsPosix(parent)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            try (FileChannel channel = FileChannel.open(keyFile, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), attributes)) {
                channel.write(ByteBuffer.wrap(encoded));
                // The key must outlive a crash that keeps the database's encrypted rows.
                channel.force(true);
            }
            LOG.info("Created a new master key file {}; back it up: without it, stored secrets cannot be read",
                    keyFile);
        } catch (FileAlreadyExistsException e) {
            LOG.debug("Key file {} was created meanwhile; using it", keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the master key file " + keyFile
                    + "; make its directory writable, or set " + ENVIRONMENT_VARIABLE, e);
        }
    }

    private static boolean supportsPosix(@Nullable Path directory) {
        return directory != null && Files.getFileAttributeView(directory,
                java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    private static void warnIfReadableByOthers(Path keyFile) {
        try {
            if (supportsPosix(keyFile.toAbsolutePath().getParent())) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    LOG.warn("The master key file {} has permissions {}; expected rw------- (chmod 600)", keyFile,
                            PosixFilePermissions.toString(permissions));
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot read the permissions of {}", keyFile, e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + ", from " + source + "]";
    }
}
