package org.openpayloads.api.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConnectorContextTest {

    private final HttpTransport nowhere = call -> CompletableFuture.failedFuture(new java.io.IOException("offline"));

    @Test
    void ofUsesTheSystemClockAndNoListener() {
        ConnectorContext context = ConnectorContext.of(nowhere);

        assertThat(context.clock()).isEqualTo(Clock.systemUTC());
        assertThat(context.listener()).isSameAs(ConnectorListener.NONE);
        assertThat(context.transport()).isSameAs(nowhere);
    }

    @Test
    void needsEveryPart() {
        assertThatThrownBy(() -> new ConnectorContext(Clock.systemUTC(), nowhere, null))
                .isInstanceOf(NullPointerException.class).hasMessage("listener");
    }

    @Test
    void theSilentListenerIgnoresEverything() {
        assertThatNoException().isThrownBy(() -> {
            ConnectorListener.NONE.limitUsage("org", 1, 2);
            ConnectorListener.NONE.warn("hello");
        });
        assertThat(ConnectorListener.NONE).hasToString("ConnectorListener.NONE");
    }
}
