package org.openpayloads.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.connector.HttpResult;

class BackoffTest {

    private final Clock clock = Clock.fixed(StripeStub.NOW, ZoneOffset.UTC);

    @Test
    void doublesEachTimeWithUpToHalfTakenOffAndIsCapped() {
        Backoff backoff = Backoff.standard();
        for (int attempt = 1; attempt <= 6; attempt++) {
            long ceiling = Math.min(500L << (attempt - 1), Backoff.MAX_DELAY.toMillis());
            for (int sample = 0; sample < 50; sample++) {
                assertThat(backoff.delay(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
        assertThat(backoff.delay(60)).isLessThanOrEqualTo(Backoff.MAX_DELAY);
    }

    @Test
    void theJitterIsTheOnlyRandomPart() {
        Backoff none = new Backoff(Backoff.BASE, bound -> bound);
        Backoff most = new Backoff(Backoff.BASE, bound -> 0);

        assertThat(none.delay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(none.delay(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(none.delay(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(none.delay(10)).isEqualTo(Backoff.MAX_DELAY);
        assertThat(most.delay(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(new Backoff(Duration.ofMillis(1), bound -> bound).delay(1)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, bound -> 0))
                .hasMessage("backoff base was PT0S; expected a positive duration");
        assertThatThrownBy(() -> Backoff.standard().delay(0)).hasMessage("attempt was 0; expected 1 or more");
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertThat(answer("2").retryAfter(clock)).contains(Duration.ofSeconds(2));
        assertThat(answer(" 120 ").retryAfter(clock)).contains(Duration.ofSeconds(120));
        assertThat(answer("Fri, 20 Nov 2026 10:16:00 GMT").retryAfter(clock)).contains(Duration.ofSeconds(30));
        assertThat(answer("Fri, 20 Nov 2026 10:00:00 GMT").retryAfter(clock)).contains(Duration.ZERO);
        assertThat(answer("soon").retryAfter(clock)).isEmpty();
        assertThat(answer("-1").retryAfter(clock)).isEmpty();
        assertThat(new HttpResult(429, Map.of(), new byte[0]).retryAfter(clock)).isEmpty();
    }

    private static HttpResult answer(String retryAfter) {
        return new HttpResult(429, Map.of("retry-after", retryAfter), new byte[0]);
    }
}
