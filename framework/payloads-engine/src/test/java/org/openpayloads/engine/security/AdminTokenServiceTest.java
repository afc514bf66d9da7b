package org.openpayloads.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.port.AdminTokenRepository;
import org.openpayloads.testkit.SettableClock;

class AdminTokenServiceTest {

    private final TokenTable table = new TokenTable();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final AdminTokenService service = new AdminTokenService(table, clock);

    @Test
    void firstRunIssuesOneTokenAndStoresOnlyItsHash() {
        AdminTokenService.IssuedToken issued = service.bootstrap(null).orElseThrow();
        assertThat(issued.value()).startsWith("opl_").hasSizeGreaterThan(40);
        assertThat(table.hashes).containsExactly(AdminTokenService.hash(issued.value()));
        assertThat(issued.toString()).doesNotContain(issued.value());
        assertThat(service.bootstrap(null)).isEmpty();
        assertThat(service.authenticate(issued.value())).isPresent();
    }

    @Test
    void aPresetTokenIsStoredOnce() {
        assertThat(service.bootstrap("my-automation-token-123")).isEmpty();
        assertThat(service.bootstrap("my-automation-token-123")).isEmpty();
        assertThat(table.tokens).hasSize(1);
        assertThat(service.authenticate("my-automation-token-123")).get().extracting(AdminToken::name)
                .isEqualTo("PAYLOADS_ADMIN_TOKEN");
    }

    @Test
    void refusesAShortPresetToken() {
        assertThatThrownBy(() -> service.bootstrap("short")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PAYLOADS_ADMIN_TOKEN").hasMessageNotContaining("short'");
    }

    @Test
    void revokedTokensNoLongerAuthenticate() {
        AdminTokenService.IssuedToken issued = service.issue("ci", "ann");
        service.revoke(issued.token().id());
        assertThat(service.authenticate(issued.value())).isEmpty();
        assertThat(service.authenticate("opl_unknown_token_value")).isEmpty();
        assertThat(service.authenticate("x")).isEmpty();
        assertThatThrownBy(() -> service.revoke(999)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTokenIsLookedUpOncePerRecheckIntervalAndItsUseRecordedThen() {
        AdminTokenService.IssuedToken issued = service.issue("ci", "ann");
        for (int i = 0; i < 5; i++) {
            assertThat(service.authenticate(issued.value())).isPresent();
        }
        assertThat(table.uses).hasSize(1);

        clock.advance(AdminTokenService.RECHECK_AFTER.plusMillis(1));
        assertThat(service.authenticate(issued.value())).isPresent();
        assertThat(table.uses).hasSize(2).last().isEqualTo(clock.instant());
    }

    @Test
    void aRevocationElsewhereCountsByTheNextRecheckAndOneHereAtOnce() {
        AdminTokenService.IssuedToken here = service.issue("here", "ann");
        AdminTokenService.IssuedToken elsewhere = service.issue("elsewhere", "ann");
        assertThat(service.authenticate(here.value())).isPresent();
        assertThat(service.authenticate(elsewhere.value())).isPresent();

        // Another server process revokes it in the shared table.
        table.revoke(elsewhere.token().id(), clock.instant());
        assertThat(service.authenticate(elsewhere.value())).isPresent();
        clock.advance(AdminTokenService.RECHECK_AFTER.plusMillis(1));
        assertThat(service.authenticate(elsewhere.value())).isEmpty();

        assertThat(service.authenticate(here.value())).isPresent();
        service.revoke(here.token().id());
        assertThat(service.authenticate(here.value())).isEmpty();
    }

    @Test
    void aTokenIssuedAfterAFailedCheckOfItsValueAuthenticates() {
        assertThat(service.authenticate("my-automation-token-123")).isEmpty();
        service.bootstrap("my-automation-token-123");
        assertThat(service.authenticate("my-automation-token-123")).isPresent();
    }

    /** A small table of tokens; the store's real repository is tested on both databases. */
    private static final class TokenTable implements AdminTokenRepository {
        final List<AdminToken> tokens = new ArrayList<>();
        final List<String> hashes = new ArrayList<>();
        final List<Instant> uses = new ArrayList<>();

        @Override
        public AdminToken create(String name, String prefix, String hash, Instant at, String by) {
            AdminToken token = new AdminToken(tokens.size() + 1, name, prefix, at, by, null, null);
            tokens.add(token);
            hashes.add(hash);
            return token;
        }

        @Override
        public List<AdminToken> findAll() {
            return List.copyOf(tokens);
        }

        @Override
        public Optional<AdminToken> find(long id) {
            return tokens.stream().filter(t -> t.id() == id).findFirst();
        }

        @Override
        public Optional<AdminToken> useActive(String hash, Instant usedAt) {
            uses.add(usedAt);
            int i = hashes.indexOf(hash);
            return i < 0 || !tokens.get(i).active() ? Optional.empty() : Optional.of(tokens.get(i));
        }

        @Override
        public boolean revoke(long id, Instant at) {
            AdminToken t = tokens.get((int) id - 1);
            tokens.set((int) id - 1, new AdminToken(t.id(), t.name(), t.prefix(), t.createdAt(), t.createdBy(),
                    t.lastUsedAt(), at));
            return true;
        }

        @Override
        public long countActive() {
            return tokens.stream().filter(AdminToken::active).count();
        }
    }
}
