package org.openpayloads.engine.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.config.ElementPaths;
import org.openpayloads.engine.mapping.ElementReader;
import org.openpayloads.engine.model.Payload;

/**
 * A payload's dedupe and ordering keys, compiled once per payload version: each is an element path read
 * from the parsed body, or a request header.
 */
public final class JobKeys {

    /** The longest key stored as it is; longer ones are stored as their SHA-256. */
    static final int MAX_LENGTH = 500;

    private final long version;
    private final @Nullable KeySource dedupe;
    private final @Nullable KeySource ordering;

    private JobKeys(long version, @Nullable KeySource dedupe, @Nullable KeySource ordering) {
        this.version = version;
        this.dedupe = dedupe;
        this.ordering = ordering;
    }

    public static JobKeys compile(Payload payload) {
        return new JobKeys(payload.audit().version(), source(payload.dedupeKey()), source(payload.orderingKey()));
    }

    /** Whether these keys were compiled from this version of the payload. */
    boolean compiledFrom(Payload payload) {
        return version == payload.audit().version() && version != 0;
    }

    /** The request's dedupe key; null when the payload has none or the request lacks it. */
    public @Nullable String dedupeKey(Function<String, Optional<String>> headers, JsonNode body) {
        return dedupe == null ? null : dedupe.read(headers, body);
    }

    /** The request's ordering key; null when the payload has none or the request lacks it. */
    public @Nullable String orderingKey(Function<String, Optional<String>> headers, JsonNode body) {
        return ordering == null ? null : ordering.read(headers, body);
    }

    private static @Nullable KeySource source(@Nullable String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        Optional<String> header = ElementPaths.headerName(key);
        if (header.isPresent()) {
            String name = header.get();
            return (headers, body) -> headers.apply(name).filter(value -> !value.isBlank()).map(JobKeys::fit)
                    .orElse(null);
        }
        ElementReader reader = ElementReader.compile(key);
        return (headers, body) -> {
            Object value = reader.read(body, null);
            if (value instanceof JsonNode node) {
                if (node.isNull() || node.isMissingNode()) {
                    return null;
                }
                return blankToNull(node.isValueNode() ? node.asText() : node.toString());
            }
            return value == null ? null : blankToNull(value.toString());
        };
    }

    private static @Nullable String blankToNull(String key) {
        return key.isBlank() ? null : fit(key);
    }

    /**
     * The key as stored: itself when short enough, else "sha256:" and its hash, which is as unique. A key
     * with a NUL character, which databases refuse in text, is stored as its hash too.
     */
    static String fit(String key) {
        if (key.length() <= MAX_LENGTH && key.indexOf('\u0000') < 0) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Where one key comes from. */
    @FunctionalInterface
    private interface KeySource {
        @Nullable String read(Function<String, Optional<String>> headers, JsonNode body);
    }
}
