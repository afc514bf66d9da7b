package org.openpayloads.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that may pass on its own: a 5xx or 429 from a target, a timeout, a lock. The pipeline
 * retries the job with backoff, or waits at least {@link #retryAfter()} when the peer said so.
 */
public class RetriableException extends PayloadsException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public RetriableException(String message) {
        super(message);
        this.retryAfter = null;
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    public RetriableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
