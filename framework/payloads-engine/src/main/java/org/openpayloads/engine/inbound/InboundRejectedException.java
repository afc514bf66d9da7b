package org.openpayloads.engine.inbound;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.PayloadsException;

/**
 * An inbound request the endpoint refuses before storing anything; the caller may send it again, changed or
 * later. The {@link Reason} says which HTTP status it gets.
 */
public class InboundRejectedException extends PayloadsException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Reason {
        /** The Content-Type is not the payload's: 415. */
        UNSUPPORTED_CONTENT_TYPE,
        /** The body does not parse as the payload's content type: 400. */
        INVALID_BODY,
        /** The payload or its integration is inactive and rejects while so: 503 with Retry-After. */
        INACTIVE
    }

    private final Reason reason;
    private final transient @Nullable Duration retryAfter;

    public InboundRejectedException(Reason reason, String message, @Nullable Duration retryAfter) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** When to send again; only for {@link Reason#INACTIVE}. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
