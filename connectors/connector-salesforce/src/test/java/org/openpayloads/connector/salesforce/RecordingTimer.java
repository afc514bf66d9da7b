package org.openpayloads.connector.salesforce;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each retry's wait and goes on at once: a Retry-After of minutes costs no time in a test. */
final class RecordingTimer implements RetryTimer {

    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> delay(Duration delay) {
        waits.add(delay);
        return CompletableFuture.completedFuture(null);
    }
}
