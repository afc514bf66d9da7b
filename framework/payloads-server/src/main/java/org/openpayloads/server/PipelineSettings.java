package org.openpayloads.server;

import java.time.Duration;
import java.util.Objects;
import org.openpayloads.engine.inbound.InboundSettings;
import org.openpayloads.engine.job.WorkerSettings;
import org.openpayloads.engine.poll.PollSettings;

/**
 * How the inbound pipeline runs: the endpoint, the workers, how long the configuration they read is
 * cached (a change made on another server process takes effect within it), and the pollers.
 */
public record PipelineSettings(InboundSettings inbound, WorkerSettings workers, Duration configCacheTtl,
                               PollSettings polling) {

    public static final PipelineSettings DEFAULTS = new PipelineSettings(InboundSettings.DEFAULTS,
            WorkerSettings.DEFAULTS, Duration.ofSeconds(2), PollSettings.DEFAULTS);

    /** With the default polling settings. */
    public PipelineSettings(InboundSettings inbound, WorkerSettings workers, Duration configCacheTtl) {
        this(inbound, workers, configCacheTtl, PollSettings.DEFAULTS);
    }

    public PipelineSettings {
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(polling, "polling");
        if (configCacheTtl.isNegative()) {
            throw new IllegalArgumentException("config cache TTL was " + configCacheTtl + "; expected zero or more");
        }
    }
}
