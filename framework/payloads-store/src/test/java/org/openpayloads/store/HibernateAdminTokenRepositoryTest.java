package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.openpayloads.api.ConflictException;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.port.AdminTokenRepository;
import org.openpayloads.store.StoreTesting.OpenStore;

@Tag("database")
class HibernateAdminTokenRepositoryTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private static OpenStore open;
    private static AdminTokenRepository tokens;

    @BeforeAll
    static void open() {
        open = OpenStore.create();
        tokens = open.store().adminTokens();
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @Test
    void createStoresTheHashAndFindsTheToken() {
        AdminToken created = tokens.create("ci", "opl_abcd", hash("create"), CREATED, "alice");

        assertThat(created.id()).isPositive();
        assertThat(created.name()).isEqualTo("ci");
        assertThat(created.prefix()).isEqualTo("opl_abcd");
        assertThat(created.createdAt()).isEqualTo(CREATED);
        assertThat(created.createdBy()).isEqualTo("alice");
        assertThat(created.lastUsedAt()).isNull();
        assertThat(created.active()).isTrue();
        assertThat(tokens.find(created.id())).contains(created);
        assertThat(tokens.findAll()).contains(created);
        assertThat(tokens.find(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aHashIsStoredOnce() {
        tokens.create("one", "opl_1", hash("twice"), CREATED, null);

        assertThatThrownBy(() -> tokens.create("two", "opl_2", hash("twice"), CREATED, null))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).field()).isEqualTo("tokenHash"));
    }

    @Test
    void useActiveRecordsTheUseAtMostOnceAMinute() {
        AdminToken token = tokens.create("used", "opl_u", hash("used"), CREATED, null);
        Instant firstUse = CREATED.plus(Duration.ofHours(1));

        assertThat(tokens.useActive(hash("used"), firstUse).orElseThrow().lastUsedAt()).isEqualTo(firstUse);
        assertThat(tokens.useActive(hash("used"), firstUse.plusSeconds(59)).orElseThrow().lastUsedAt())
                .isEqualTo(firstUse);
        assertThat(tokens.useActive(hash("used"), firstUse.plusSeconds(60)).orElseThrow().lastUsedAt())
                .isEqualTo(firstUse.plusSeconds(60));
        assertThat(tokens.find(token.id()).orElseThrow().lastUsedAt()).isEqualTo(firstUse.plusSeconds(60));
        assertThat(tokens.useActive(hash("unknown"), firstUse)).isEmpty();
    }

    @Test
    void aRevokedTokenIsNoLongerActive() {
        AdminToken token = tokens.create("revoked", "opl_r", hash("revoked"), CREATED, null);
        long activeBefore = tokens.countActive();
        Instant revokedAt = CREATED.plus(Duration.ofDays(1));

        assertThat(tokens.revoke(token.id(), revokedAt)).isTrue();

        assertThat(tokens.revoke(token.id(), revokedAt.plusSeconds(1))).isFalse();
        assertThat(tokens.revoke(Long.MAX_VALUE, revokedAt)).isFalse();
        assertThat(tokens.useActive(hash("revoked"), revokedAt)).isEmpty();
        AdminToken stored = tokens.find(token.id()).orElseThrow();
        assertThat(stored.revokedAt()).isEqualTo(revokedAt);
        assertThat(stored.active()).isFalse();
        assertThat(tokens.countActive()).isEqualTo(activeBefore - 1);
    }

    @Test
    void countActiveCountsUnrevokedTokens() {
        long before = tokens.countActive();

        tokens.create("counted", "opl_c", hash("counted"), CREATED, null);

        assertThat(tokens.countActive()).isEqualTo(before + 1);
    }

    /** A stand-in for a SHA-256 hex hash: 64 characters, distinct per seed. */
    private static String hash(String seed) {
        return String.format("%64s", seed).replace(' ', '0');
    }
}
