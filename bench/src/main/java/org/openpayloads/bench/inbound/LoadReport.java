package org.openpayloads.bench.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a load run measured, merged from its workers: requests, throughput, latency percentiles (nearest rank over
 * every recorded latency) and responses by status. Prints itself as text and as one line of JSON.
 *
 * @param settings what was run, as name → value, copied into the JSON summary first
 * @param latencies every measured latency in nanoseconds, sorted
 * @param statuses measured requests by status code; {@value LoadWorker#NO_RESPONSE} stands for no response
 * @param elapsedNanos from the first measured request's start to the last one's end
 * @param startEpochMillis wall-clock time of the first measured request's start
 * @param firstFailure the first failure any worker saw, described, or null
 */
record LoadReport(Map<String, Object> settings, long[] latencies, Map<Integer, Long> statuses, long elapsedNanos,
                  long startEpochMillis, int connectionsOpened, @Nullable String firstFailure) {

    /** More failed requests than this share fail the run. */
    static final double MAX_FAILURE_RATE = 0.001;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param clockMillis {@link System#currentTimeMillis()} read together with {@code clockNanos}
     * @param clockNanos {@link System#nanoTime()} read together with {@code clockMillis}
     */
    static LoadReport of(Map<String, Object> settings, List<LoadWorker> workers, long clockMillis, long clockNanos) {
        long[] latencies = workers.stream().map(LoadWorker::latencies).flatMapToLong(Arrays::stream).sorted()
                .toArray();
        Map<Integer, Long> statuses = new TreeMap<>();
        for (LoadWorker worker : workers) {
            long[] counts = worker.statuses();
            for (int status = 0; status < counts.length; status++) {
                if (counts[status] > 0) {
                    statuses.merge(status, counts[status], Long::sum);
                }
            }
        }
        long first = workers.stream().mapToLong(LoadWorker::firstStart).min().orElse(Long.MAX_VALUE);
        long last = workers.stream().mapToLong(LoadWorker::lastEnd).max().orElse(Long.MIN_VALUE);
        long elapsed = latencies.length == 0 ? 0 : last - first;
        long startMillis = latencies.length == 0 ? clockMillis : clockMillis + (first - clockNanos) / 1_000_000;
        String failure = workers.stream().map(LoadWorker::firstFailure).filter(f -> f != null).findFirst()
                .orElse(null);
        int opened = workers.stream().mapToInt(LoadWorker::connectionsOpened).sum();
        return new LoadReport(settings, latencies, statuses, elapsed, startMillis, opened, failure);
    }

    long requests() {
        return latencies.length;
    }

    /** Requests answered with a status outside 2xx, or not answered. */
    long failures() {
        return statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2).mapToLong(Map.Entry::getValue).sum();
    }

    double failureRate() {
        return requests() == 0 ? 1.0 : (double) failures() / requests();
    }

    /** Whether the run is good enough to report: some requests, and at most {@link #MAX_FAILURE_RATE} failures. */
    boolean passed() {
        return requests() > 0 && failureRate() <= MAX_FAILURE_RATE;
    }

    double requestsPerSecond() {
        return elapsedNanos == 0 ? 0 : requests() * 1e9 / elapsedNanos;
    }

    long endEpochMillis() {
        return startEpochMillis + elapsedNanos / 1_000_000;
    }

    /** The latency at {@code percent} (0 to 100) in milliseconds, by nearest rank. */
    double percentileMillis(double percent) {
        if (latencies.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * latencies.length);
        return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
    }

    String text() {
        String codes = statuses.entrySet().stream()
                .map(e -> (e.getKey() == LoadWorker.NO_RESPONSE ? "no response" : e.getKey().toString()) + ": "
                        + e.getValue())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "  requests    %,d in %.3f s (%,d failed: %.3f %%), %d connection(s) opened%n"
                        + "  throughput  %,.1f requests/s%n"
                        + "  latency     p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n"
                        + "  statuses    %s", requests(), elapsedNanos / 1e9, failures(), failureRate() * 100,
                connectionsOpened, requestsPerSecond(), percentileMillis(50), percentileMillis(90),
                percentileMillis(99), percentileMillis(100), codes.isEmpty() ? "none" : codes);
    }

    /** The summary as one line of JSON. */
    String json() {
        ObjectNode summary = JSON.createObjectNode();
        settings.forEach((name, value) -> summary.putPOJO(name, value));
        summary.put("requests", requests())
                .put("elapsedSeconds", round(elapsedNanos / 1e9, 3))
                .put("requestsPerSecond", round(requestsPerSecond(), 1))
                .put("startEpochMillis", startEpochMillis)
                .put("endEpochMillis", endEpochMillis());
        summary.putObject("latencyMillis")
                .put("p50", round(percentileMillis(50), 3))
                .put("p90", round(percentileMillis(90), 3))
                .put("p99", round(percentileMillis(99), 3))
                .put("max", round(percentileMillis(100), 3));
        ObjectNode codes = summary.putObject("statuses");
        statuses.forEach((status, count) -> codes.put(status == LoadWorker.NO_RESPONSE ? "none" : status.toString(),
                count));
        summary.put("failures", failures()).put("failureRate", round(failureRate(), 6))
                .put("connectionsOpened", connectionsOpened).put("passed", passed());
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the summary as JSON", e);
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
