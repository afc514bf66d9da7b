package org.openpayloads.connector.stripe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each wait and returns at once: a Retry-After of seconds costs no time in a test. */
final class RecordingSleeper implements Sleeper {

    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration delay) {
        waits.add(delay);
    }
}
