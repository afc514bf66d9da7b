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
        String what = call.method() + " " + path;
        for (int attempt = 1; ; attempt++) {
            calls.incrementAndGet();
            HttpResult result;
            try {
                result = await(call);
            } catch (IOException e) {
                String why = e instanceof HttpTimeoutException ? "timed out after " + call.timeout().toSeconds() + " s"
                        : "failed: " + config.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
                String message = "Stripe " + what + " " + why;
                if (attempt >= config.maxAttempts()) {
                    throw new StripeRetriableException(message + gaveUp(attempt), null, attempt, null, e);
                }
                pause(message, attempt, backoff.delay(attempt));
                continue;
            }
            if (result.isSuccess()) {
                return result;
            }
            StripeError error = StripeError.of(result, config::redact);
            if (!retryable(result)) {
                throw new StripeException(call.method(), path, error);
            }
            String message = error.describe(call.method(), path);
            Optional<Duration> retryAfter = Backoff.retryAfter(result, clock);
            if (retryAfter.isPresent() && retryAfter.get().compareTo(Backoff.MAX_HONOURED_RETRY_AFTER) > 0) {
                throw new StripeRetriableException(message + "; Stripe asked to retry after "
                        + retryAfter.get().toSeconds() + " s, longer than the client waits itself (at most "
                        + Backoff.MAX_HONOURED_RETRY_AFTER.toSeconds() + " s)", error, attempt, retryAfter.get(), null);
            }
            if (attempt >= config.maxAttempts()) {
                throw new StripeRetriableException(message + gaveUp(attempt), error, attempt, retryAfter.orElse(null),
                        null);
            }
            Duration wait = backoff.delay(attempt);
            pause(message, attempt, retryAfter.filter(r -> r.compareTo(wait) > 0).orElse(wait));
        }
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

    private void pause(String message, int attempt, Duration wait) {
        LOG.log(Level.DEBUG, () -> message + "; attempt " + attempt + " of " + config.maxAttempts() + ", next in "
                + wait.toMillis() + " ms");
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException(message + "; interrupted while waiting to retry, after " + attempt
                    + " attempts", e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
