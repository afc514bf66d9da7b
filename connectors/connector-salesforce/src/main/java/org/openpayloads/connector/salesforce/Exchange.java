package org.openpayloads.connector.salesforce;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.connector.HttpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends calls through the transport, counts them, and retries what may pass on its own: a 429, 502, 503
 * or 504, a timeout or lost connection, and a row lock. When the retries are used up it fails with a
 * {@link RetriableException}. Every other answer goes back to the caller as it came.
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    private final HttpTransport transport;
    private final Clock clock;
    private final Backoff backoff;
    private final RetryTimer timer;
    private final int maxRetries;
    private final SalesforceConfig config;
    private final AtomicLong calls = new AtomicLong();

    Exchange(HttpTransport transport, Clock clock, RetryTimer timer, SalesforceConfig config) {
        this.transport = transport;
        this.clock = clock;
        this.backoff = new Backoff(config.retryBase());
        this.timer = timer;
        this.maxRetries = config.maxRetries();
        this.config = config;
    }

    long calls() {
        return calls.get();
    }

    CompletableFuture<HttpResult> send(HttpCall call) {
        return attempt(call, 0);
    }

    private CompletableFuture<HttpResult> attempt(HttpCall call, int attempt) {
        calls.incrementAndGet();
        CompletableFuture<HttpResult> sent;
        try {
            sent = transport.send(call);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((result, failure) -> failure != null ? failed(call, attempt, Futures.unwrap(failure))
                : answered(call, attempt, result)).thenCompose(next -> next);
    }

    private CompletableFuture<HttpResult> failed(HttpCall call, int attempt, Throwable failure) {
        if (!(failure instanceof IOException)) {
            return CompletableFuture.failedFuture(failure);
        }
        String why = failure instanceof HttpTimeoutException ? "timed out after " + call.timeout().toSeconds() + " s"
                : "failed: " + config.redact(String.valueOf(failure.getMessage()));
        return retry(call, attempt, why, null, failure);
    }

    private CompletableFuture<HttpResult> answered(HttpCall call, int attempt, HttpResult result) {
        int status = result.status();
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            return retry(call, attempt, "was answered " + status, result.retryAfter(clock).orElse(null), null);
        }
        if (status >= 400 && SalesforceErrors.has(SalesforceErrors.of(result, config::redact),
                SalesforceErrors.UNABLE_TO_LOCK_ROW)) {
            return retry(call, attempt, "found the record locked (" + SalesforceErrors.UNABLE_TO_LOCK_ROW + ")", null, null);
        }
        return CompletableFuture.completedFuture(result);
    }

    private CompletableFuture<HttpResult> retry(HttpCall call, int attempt, String why, @Nullable Duration retryAfter,
                                                @Nullable Throwable cause) {
        String what = "Salesforce " + call.method() + " " + call.uri().getRawPath() + " " + why;
        if (retryAfter != null && retryAfter.compareTo(Backoff.MAX_HONOURED_RETRY_AFTER) > 0) {
            return CompletableFuture.failedFuture(new RetriableException(what + " and asked to retry after "
                    + retryAfter.toSeconds() + " s, longer than the client waits itself", retryAfter));
        }
        if (attempt >= maxRetries) {
            String message = what + (maxRetries == 0 ? " (retries are off: maxRetries is 0)"
                    : "; gave up after " + (attempt + 1) + " attempts (maxRetries is " + maxRetries + ")");
            return CompletableFuture.failedFuture(cause != null ? new RetriableException(message, cause)
                    : retryAfter != null ? new RetriableException(message, retryAfter) : new RetriableException(message));
        }
        Duration wait = backoff.delay(attempt);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        LOG.debug("{}; retry {} of {} in {} ms", what, attempt + 1, maxRetries, wait.toMillis());
        return timer.delay(wait).thenCompose(ignored -> attempt(call, attempt + 1));
    }

    /** For the record-level retries of a Collections answer, which share this backoff. */
    Duration backoff(int attempt) {
        return backoff.delay(attempt);
    }

    RetryTimer timer() {
        return timer;
    }
}
