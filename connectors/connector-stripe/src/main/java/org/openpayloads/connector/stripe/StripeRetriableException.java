package org.openpayloads.connector.stripe;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.RetriableException;

/**
 * A call failed in a way that may pass on its own, and the client's own attempts are used up (or Stripe
 * asked for a longer wait than the client sits out): a 429, a 5xx, a timeout or a lost connection. A
 * {@link RetriableException}, so that the job pipeline tries again later, after {@link #retryAfter()}
 * when Stripe named a wait.
 *
 * <p>A POST retried later by the pipeline gets a new idempotency key unless the caller passes its own;
 * pass one derived from the job to make the whole chain idempotent.
 */
public final class StripeRetriableException extends RetriableException {

    private static final long serialVersionUID = 1L;

    private final @Nullable StripeError error;
    private final int attempts;

    StripeRetriableException(String message, @Nullable StripeError error, int attempts, @Nullable Duration retryAfter,
                             @Nullable Throwable cause) {
        super(message, retryAfter);
        this.error = error;
        this.attempts = attempts;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** The last answer's error; empty when no answer came (a timeout or a lost connection, see the cause). */
    public Optional<StripeError> error() {
        return Optional.ofNullable(error);
    }

    /** The last answer's HTTP status; empty when no answer came. */
    public Optional<Integer> status() {
        return error().map(StripeError::status);
    }

    /** How many times the call was sent. */
    public int attempts() {
        return attempts;
    }
}
