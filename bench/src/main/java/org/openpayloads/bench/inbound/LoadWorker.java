package org.openpayloads.bench.inbound;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One connection of the load: posts signed events back to back over one keep-alive connection until the
 * {@link Schedule} ends, and records the latency and status of every request that starts in the measured phase.
 * Runs on its own thread; read its results after the thread has ended.
 */
final class LoadWorker implements Runnable {

    /** The status recorded when a request got no response: the connection failed. */
    static final int NO_RESPONSE = 0;

    private static final int MAX_STATUS = 999;
    private static final long PAUSE_AFTER_ERROR_MILLIS = 20;

    /**
     * When the load runs, in {@link System#nanoTime()}: requests starting before {@code measureFrom} are warm-up;
     * none starts at or after {@code end}, nor once {@code eventLimit} events have been taken.
     */
    record Schedule(long measureFrom, long end, long eventLimit) {
    }

    private final URI url;
    private final String target;
    private final Duration timeout;
    private final StripeEvents events;
    private final StripeEvents.Signer signer;
    private final AtomicLong sequences;
    private final Schedule schedule;

    private long[] latencies = new long[1 << 14];
    private int recorded;
    private final long[] statuses = new long[MAX_STATUS + 1];
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;
    private int connectionsOpened;
    private @Nullable String firstFailure;
    private @Nullable Throwable crash;

    /**
     * @param sequences shared by all workers: each event sent takes the next number, so every event is unique
     */
    LoadWorker(URI url, Duration timeout, StripeEvents events, String secret, AtomicLong sequences,
               Schedule schedule) {
        this.url = url;
        this.target = requestTarget(url);
        this.timeout = timeout;
        this.events = events;
        this.signer = StripeEvents.signer(secret);
        this.sequences = sequences;
        this.schedule = schedule;
    }

    @Override
    public void run() {
        byte[] body = new byte[events.maxLength()];
        try (HttpConnection connection = new HttpConnection(url, timeout)) {
            while (true) {
                long sequence = sequences.getAndIncrement();
                if (sequence >= schedule.eventLimit() || System.nanoTime() >= schedule.end()) {
                    break;
                }
                int length = events.write(sequence, body);
                String signature = signer.header(System.currentTimeMillis() / 1000, body, 0, length);
                long begin = System.nanoTime();
                int status = post(connection, body, length, signature);
                long end = System.nanoTime();
                if (begin >= schedule.measureFrom()) {
                    record(status, begin, end);
                }
                if (status == NO_RESPONSE) {
                    pauseAfterError();
                }
            }
            connectionsOpened = connection.opened();
        } catch (RuntimeException | Error e) {
            crash = e;
        }
    }

    /** The measured latencies in nanoseconds, in the order sent. */
    long[] latencies() {
        return Arrays.copyOf(latencies, recorded);
    }

    /** Measured requests by status code; index {@value #NO_RESPONSE} counts requests without a response. */
    long[] statuses() {
        return statuses.clone();
    }

    /** When the first measured request started ({@link System#nanoTime()}); {@code Long.MAX_VALUE} if none. */
    long firstStart() {
        return firstStart;
    }

    /** When the last measured request ended ({@link System#nanoTime()}); {@code Long.MIN_VALUE} if none. */
    long lastEnd() {
        return lastEnd;
    }

    int connectionsOpened() {
        return connectionsOpened;
    }

    /** The first non-2xx response or connection error, described, or null. */
    @Nullable String firstFailure() {
        return firstFailure;
    }

    /** What ended this worker unexpectedly, or null. */
    @Nullable Throwable crash() {
        return crash;
    }

    private int post(HttpConnection connection, byte[] body, int length, String signature) {
        try {
            int status = connection.start("POST", target)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Accept", "*/*; q=0.5, application/xml")
                    .header("Cache-Control", "no-cache")
                    .header(StripeEvents.SIGNATURE_HEADER, signature)
                    .send(body, length);
            if (status / 100 != 2 && firstFailure == null) {
                String answer = connection.responseBody();
                firstFailure = "HTTP " + status + ": " + (answer.length() > 500 ? answer.substring(0, 500) + "…" : answer);
            }
            return status > MAX_STATUS ? NO_RESPONSE : status;
        } catch (IOException e) {
            if (firstFailure == null) {
                firstFailure = "no response: " + e;
            }
            return NO_RESPONSE;
        }
    }

    private void record(int status, long begin, long end) {
        if (recorded == latencies.length) {
            latencies = Arrays.copyOf(latencies, recorded * 2);
        }
        latencies[recorded++] = end - begin;
        statuses[status]++;
        firstStart = Math.min(firstStart, begin);
        lastEnd = Math.max(lastEnd, end);
    }

    /** Keeps a worker whose server is down from spinning through events; the run fails on the errors anyway. */
    private static void pauseAfterError() {
        try {
            Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String requestTarget(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
