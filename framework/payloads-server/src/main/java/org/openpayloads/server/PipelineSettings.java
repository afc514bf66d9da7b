package org.openpayloads.server;

import java.time.Duration;
import java.util.Objects;
import org.openpayloads.engine.inbound.InboundSettings;
import org.openpayloads.engine.job.WorkerSettings;

/**
 * How the inbound pipeline runs: the endpoint, the workers, and how long the configuration they read is
 * cached (a change made on another server process takes effect within it).
 */
public record PipelineSettings(InboundSettings inbound, WorkerSettings workers, Duration configCacheTtl) {

    public static final PipelineSettings DEFAULTS = new PipelineSettings(InboundSettings.DEFAULTS,
            WorkerSettings.DEFAULTS, Duration.ofSeconds(2));

    public PipelineSettings {
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(workers, "workers");
        if (configCacheTtl.isNegative()) {
            throw new IllegalArgumentException("config cache TTL was " + configCacheTtl + "; expected zero or more");
        }
    }
}
