package org.openpayloads.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetriableExceptionTest {

    @Test
    void carriesARetryAfterOnlyWhenThePeerGaveOne() {
        assertThat(new RetriableException("busy").retryAfter()).isEmpty();
        assertThat(new RetriableException("busy", new java.io.IOException("reset")).retryAfter()).isEmpty();
        assertThat(new RetriableException("limit", Duration.ofHours(1)).retryAfter()).contains(Duration.ofHours(1));
    }
}
