package org.openpayloads.web;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.inbound.InboundService;
import org.openpayloads.engine.job.JobService;
import org.openpayloads.engine.mapping.MappingService;
import org.openpayloads.engine.poll.Pollers;
import org.openpayloads.engine.security.AdminTokenService;

/**
 * The engine services the admin API calls, and the checks its health answer reports.
 *
 * @param pollers the POLLING payloads' runner; null where this process does not poll
 */
public record WebServices(ConfigurationService configuration, JobService jobs, AdminTokenService tokens,
                          MappingService mapping, InboundService inbound, List<HealthCheck> healthChecks,
                          @Nullable Pollers pollers) {

    /** Services of a process that does not poll. */
    public WebServices(ConfigurationService configuration, JobService jobs, AdminTokenService tokens,
                       MappingService mapping, InboundService inbound, List<HealthCheck> healthChecks) {
        this(configuration, jobs, tokens, mapping, inbound, healthChecks, null);
    }

    public WebServices {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(inbound, "inbound");
        healthChecks = List.copyOf(Objects.requireNonNull(healthChecks, "healthChecks"));
    }
}
