package org.openpayloads.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void waitsDoubleAfterEachFailureWithTheSecondHalfRandom() {
        assertThat(policy.delay(1, null, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delay(1, null, () -> 0.999_999)).isBetween(Duration.ofMillis(9_999), Duration.ofSeconds(10));
        assertThat(policy.delay(2, null, () -> 0.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(3, null, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void neverWaitsLongerThanTheMaximumEvenAfterManyFailures() {
        assertThat(policy.delay(6, null, () -> 0.999_999)).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delay(64, null, () -> 0.0)).isEqualTo(Duration.ofSeconds(150));
        assertThat(policy.delay(Integer.MAX_VALUE, null, () -> 0.999_999)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void waitsAtLeastWhatTheTargetAskedFor() {
        assertThat(policy.delay(1, Duration.ofMinutes(2), () -> 0.0)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delay(1, Duration.ofSeconds(1), () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void countsAttemptsInAllTheFirstIncluded() {
        assertThat(policy.allowsAnother(4)).isTrue();
        assertThat(policy.allowsAnother(5)).isFalse();
        assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO).allowsAnother(1)).isFalse();
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .hasMessage("maxAttempts must be 1 or more, was 0");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .hasMessageContaining("expected 0 <= initialDelay <= maxDelay");
        assertThatThrownBy(() -> policy.delay(0, null, () -> 0.0)).hasMessage("attempt must be 1 or more, was 0");
    }
}
