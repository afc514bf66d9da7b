package org.openpayloads.connector.stripe;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.openpayloads.api.PayloadsException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.connector.HttpTransport;

/**
 * Sends one call through the transport, again and again while the failure may pass on its own, and
 * returns the first 2xx answer.
 *
 * <p>Retried, up to {@code maxAttempts} sends in all: a 429, a 5xx, a timeout and a lost connection. The
 * {@code Stripe-Should-Retry} header overrides the status when present (Stripe sets it to {@code true} on
 * some 409 lock conflicts, and to {@code false} where a retry would replay a stored answer). Losing the
 * connection is retried for POSTs too: each carries an Idempotency-Key, the same on every attempt, so
 * Stripe applies it at most once. Every call is sent unchanged; the caller builds the key into it.
 */
final class Exchange {

    private static final System.Logger LOG = System.getLogger(Exchange.class.getName());

    private final HttpTransport transport;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final StripeConfig config;
    private final AtomicLong calls = new AtomicLong();

    Exchange(HttpTransport transport, Clock clock, Sleeper sleeper, Backoff backoff, StripeConfig config) {
        this.transport = transport;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.config = config;
    }

    /** How many requests were sent, retries included. */
    long calls() {
        return calls.get();
    }

    /**
     * The first 2xx answer to {@code call}.
     *
     * @param path the path as callers know it, for messages (the URI also holds the query)
     * @throws StripeException when Stripe refused the call and a retry cannot help
     * @throws StripeRetriableException when the attempts ran out on a failure that may pass
     */
    HttpResult send(HttpCall call, String path) {
        for (int attempt = 1; ; attempt++) {
            calls.incrementAndGet();
            Retry retry;
            try {
                HttpResult result = await(call);
                if (result.isSuccess()) {
                    return result;
                }
                retry = afterRefusal(call, path, attempt, result);
            } catch (IOException e) {
                retry = afterNoAnswer(call, path, attempt, e);
            }
            pause(retry, attempt);
        }
    }

    /** Why the next attempt is made, and when. */
    private record Retry(String why, Duration delay) {
    }

    /** The retry after a failed answer; throws when there is none. */
    private Retry afterRefusal(HttpCall call, String path, int attempt, HttpResult result) {
        StripeError error = StripeError.of(result, config::redact);
        if (!retryable(result)) {
            throw new StripeException(call.method(), path, error);
        }
        String message = error.describe(call.method(), path);
        Optional<Duration> retryAfter = result.retryAfter(clock);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(Backoff.MAX_HONOURED_RETRY_AFTER) > 0) {
            throw new StripeRetriableException(message + "; Stripe asked to retry after " + retryAfter.get().toSeconds()
                    + " s, longer than the client waits itself (at most " + Backoff.MAX_HONOURED_RETRY_AFTER.toSeconds()
                    + " s)", error, attempt, retryAfter.get(), null);
        }
        if (attempt >= config.maxAttempts()) {
            throw new StripeRetriableException(message + gaveUp(attempt), error, attempt, retryAfter.orElse(null), null);
        }
        Duration wait = backoff.delay(attempt);
        return new Retry(message, retryAfter.filter(r -> r.compareTo(wait) > 0).orElse(wait));
    }

    /** The retry after a timeout or a lost connection; throws when the attempts are used up. */
    private Retry afterNoAnswer(HttpCall call, String path, int attempt, IOException e) {
        String message = "Stripe " + call.method() + " " + path + " " + (e instanceof HttpTimeoutException
                ? "timed out after " + call.timeout().toSeconds() + " s"
                : "failed: " + config.redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
        if (attempt >= config.maxAttempts()) {
            throw new StripeRetriableException(message + gaveUp(attempt), null, attempt, null, redacted(e));
        }
        return new Retry(message, backoff.delay(attempt));
    }

    private static boolean retryable(HttpResult result) {
        Optional<String> hint = result.header("Stripe-Should-Retry").map(String::strip);
        if (hint.isPresent() && (hint.get().equalsIgnoreCase("true") || hint.get().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(hint.get());
        }
        return result.status() == 429 || result.status() >= 500;
    }

    private String gaveUp(int attempts) {
        return config.maxAttempts() == 1 ? " (retries are off: maxAttempts is 1)"
                : "; gave up after " + attempts + " attempts (maxAttempts is " + config.maxAttempts() + ")";
    }

    /** The transport's answer; an IOException when no answer came. */
    private HttpResult await(HttpCall call) throws IOException {
        CompletableFuture<HttpResult> sent;
        try {
            sent = transport.send(call);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.cancel(true);
            throw new RetriableException("Stripe " + call.method() + " " + call.uri().getRawPath() + ": interrupted "
                    + "while waiting for the answer; the call may or may not have reached Stripe", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PayloadsException("Stripe " + call.method() + " " + call.uri().getRawPath() + " failed: "
                    + config.redact(String.valueOf(cause)), cause);
        }
    }

    private void pause(Retry retry, int attempt) {
        LOG.log(Level.DEBUG, () -> retry.why() + "; attempt " + attempt + " of " + config.maxAttempts() + ", next in "
                + retry.delay().toMillis() + " ms");
        try {
            sleeper.sleep(retry.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException(retry.why() + "; interrupted while waiting to retry, after " + attempt
                    + " attempts", e);
        }
    }

    /**
     * {@code failure}, or a copy with every secret hidden when a message in its chain holds one: a
     * transport may quote what it tried to send.
     */
    private Throwable redacted(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (!config.redact(message).equals(message)) {
                IOException copy = new IOException(config.redact(failure.toString()) + " (cause dropped: it quoted a "
                        + "secret)");
                copy.setStackTrace(failure.getStackTrace());
                return copy;
            }
        }
        return failure;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
