package org.openpayloads.api.connector;

import java.time.Clock;
import java.util.Objects;

/**
 * What the runtime lends a connector's client.
 *
 * @param clock the time source for tokens and expiry; tests pass a fixed one
 * @param transport the only way the client reaches the network
 * @param listener where the client reports its API usage and warnings
 */
public record ConnectorContext(Clock clock, HttpTransport transport, ConnectorListener listener) {

    public ConnectorContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(listener, "listener");
    }

    /** A context on the system clock that reports to no one. */
    public static ConnectorContext of(HttpTransport transport) {
        return new ConnectorContext(Clock.systemUTC(), transport, ConnectorListener.NONE);
    }
}
