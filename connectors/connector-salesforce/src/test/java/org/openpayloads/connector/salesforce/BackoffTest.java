package org.openpayloads.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.connector.HttpResult;

class BackoffTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void doublesEachTimeWithUpToHalfTakenOffAndIsCapped() {
        Backoff backoff = new Backoff(Duration.ofMillis(500));
        for (int attempt = 0; attempt < 6; attempt++) {
            long ceiling = Math.min(500L << attempt, Backoff.MAX_DELAY.toMillis());
            for (int sample = 0; sample < 50; sample++) {
                assertThat(backoff.delay(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
        assertThat(backoff.delay(60)).isLessThanOrEqualTo(Backoff.MAX_DELAY);
        assertThat(new Backoff(Duration.ofMillis(1)).delay(0)).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> new Backoff(Duration.ZERO)).hasMessage("backoff base was PT0S; expected a positive duration");
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertThat(answer("120").retryAfter(clock)).contains(Duration.ofSeconds(120));
        assertThat(answer("Fri, 20 Nov 2026 10:16:00 GMT").retryAfter(clock)).contains(Duration.ofSeconds(30));
        assertThat(answer("Fri, 20 Nov 2026 10:00:00 GMT").retryAfter(clock)).contains(Duration.ZERO);
        assertThat(answer("soon").retryAfter(clock)).isEmpty();
        assertThat(new HttpResult(503, Map.of(), new byte[0]).retryAfter(clock)).isEmpty();
    }

    private static HttpResult answer(String retryAfter) {
        return new HttpResult(503, Map.of("retry-after", retryAfter), new byte[0]);
    }
}
