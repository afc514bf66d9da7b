package org.openpayloads.org.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.db.SettingStore;
import org.openpayloads.testkit.SettableClock;

class ApiUsageTest {

    /** Settings in a map: the counter's logic without a database. */
    private record MapSettings(Map<String, String> values) implements SettingStore {
        @Override
        public Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name));
        }

        @Override
        public void put(String name, String value) {
            values.put(name, value);
        }
    }

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-04T23:59:00Z"));
    private final Map<String, String> stored = new HashMap<>();

    @Test
    void countsUpToTheLimitThenRefusesUntilTheNextUtcDay() {
        ApiUsage usage = new ApiUsage(clock, new MapSettings(stored), 3);
        assertThat(usage.tryAcquire()).isTrue();
        assertThat(usage.tryAcquire()).isTrue();
        assertThat(usage.tryAcquire()).isTrue();
        assertThat(usage.tryAcquire()).isFalse();
        assertThat(usage.header()).isEqualTo("api-usage=3/3");
        clock.advance(Duration.ofMinutes(2));
        assertThat(usage.used()).isZero();
        assertThat(usage.tryAcquire()).isTrue();
        assertThat(usage.header()).isEqualTo("api-usage=1/3");
    }

    @Test
    void theCountAndTheLimitSurviveARestart() {
        ApiUsage usage = new ApiUsage(clock, new MapSettings(stored), 1000);
        for (int i = 0; i < ApiUsage.SAVE_EVERY + 5; i++) {
            usage.tryAcquire();
        }
        assertThat(stored.get(ApiUsage.USAGE_SETTING)).isEqualTo("2026-03-04=" + ApiUsage.SAVE_EVERY);
        usage.setLimit(500);
        usage.save();
        ApiUsage restarted = new ApiUsage(clock, new MapSettings(stored), 100);
        assertThat(restarted.used()).isEqualTo(ApiUsage.SAVE_EVERY + 5);
        assertThat(restarted.limit()).isEqualTo(500);
        clock.advance(Duration.ofDays(1));
        assertThat(new ApiUsage(clock, new MapSettings(stored), 100).used()).isZero();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        ApiUsage usage = new ApiUsage(clock, new MapSettings(stored), 10);
        assertThatThrownBy(() -> usage.setLimit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("daily API limit was 0; expected 1 or more");
    }
}
