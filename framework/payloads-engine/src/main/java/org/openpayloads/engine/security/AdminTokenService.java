package org.openpayloads.engine.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.port.AdminTokenRepository;

/**
 * Issues, checks and revokes admin bearer tokens. A token is shown once, when it is issued; only its
 * SHA-256 hash is stored.
 *
 * <p>What a check finds is kept for {@link #RECHECK_AFTER}, so that a busy client costs one lookup (and one
 * "last used" update) per token in that time, not one per request. A token revoked in this process is refused
 * at once; one revoked by another server process sharing the database, within that time.
 */
public final class AdminTokenService {

    /** Every token starts with this, so that scanners can spot a leaked one. */
    public static final String TOKEN_PREFIX = "opl_";
    static final int MIN_TOKEN_LENGTH = 16;
    private static final int RANDOM_BYTES = 32;
    private static final int SHOWN_PREFIX = 8;

    /** How long a check's answer is reused before the token is looked up again. */
    public static final Duration RECHECK_AFTER = Duration.ofSeconds(5);
    private static final int CHECKS_KEPT = 10_000;

    private final AdminTokenRepository tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** The answers of recent checks by token hash: the active token, or empty for none. */
    private final Cache<String, Optional<AdminToken>> checks;

    public AdminTokenService(AdminTokenRepository tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checks = Caffeine.newBuilder().maximumSize(CHECKS_KEPT).expireAfterWrite(RECHECK_AFTER)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** A newly issued token, with the only copy of its value. */
    public record IssuedToken(AdminToken token, String value) {
        @Override
        public String toString() {
            return "IssuedToken[" + token + ", value=[hidden]]";
        }
    }

    /**
     * Makes sure an admin can log in on first run. With {@code presetToken} (from
     * {@code PAYLOADS_ADMIN_TOKEN}) that token is stored if it is not already; without it, a new token is
     * issued when no active token exists.
     *
     * @return the newly issued token to print once, or empty when nothing new was made up
     */
    public Optional<IssuedToken> bootstrap(@Nullable String presetToken) {
        if (presetToken != null && !presetToken.isBlank()) {
            if (presetToken.length() < MIN_TOKEN_LENGTH) {
                throw new ConfigException("PAYLOADS_ADMIN_TOKEN", "is " + presetToken.length()
                        + " characters long; expected at least " + MIN_TOKEN_LENGTH);
            }
            String hash = hash(presetToken);
            if (tokens.useActive(hash, clock.instant()).isEmpty()) {
                tokens.create("PAYLOADS_ADMIN_TOKEN", shownPrefix(presetToken), hash, clock.instant(), "system");
                checks.invalidateAll();
            }
            return Optional.empty();
        }
        if (tokens.countActive() > 0) {
            return Optional.empty();
        }
        return Optional.of(issue("first admin token", "system"));
    }

    public IssuedToken issue(String name, String createdBy) {
        if (name.isBlank() || name.length() > 255) {
            throw new ConfigException("name", "is required, at most 255 characters");
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String value = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AdminToken token = tokens.create(name, shownPrefix(value), hash(value), clock.instant(), createdBy);
        checks.invalidateAll();
        return new IssuedToken(token, value);
    }

    /** The active token with this value, if any; its use is recorded once per {@link #RECHECK_AFTER}. */
    public Optional<AdminToken> authenticate(String value) {
        if (value.length() < MIN_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return checks.get(hash(value), hash -> tokens.useActive(hash, clock.instant()));
    }

    public List<AdminToken> list() {
        return tokens.findAll();
    }

    public void revoke(long id) {
        AdminToken token = tokens.find(id).orElseThrow(() -> NotFoundException.of("token", String.valueOf(id)));
        if (token.active()) {
            tokens.revoke(id, clock.instant());
            checks.invalidateAll();
        }
    }

    static String hash(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String shownPrefix(String value) {
        return value.substring(0, Math.min(SHOWN_PREFIX, value.length()));
    }
}
