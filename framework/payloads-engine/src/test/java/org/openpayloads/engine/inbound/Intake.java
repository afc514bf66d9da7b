package org.openpayloads.engine.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.openpayloads.engine.config.CachedConfiguration;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.job.JobRunner;
import org.openpayloads.engine.job.JobWorkers;
import org.openpayloads.engine.job.WorkerSettings;
import org.openpayloads.engine.mapping.LookupCache;
import org.openpayloads.engine.mapping.MappingCompiler;
import org.openpayloads.engine.mapping.MappingEngine;
import org.openpayloads.engine.mapping.MappingService;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.ParseLimits;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.engine.port.InMemoryJobQueue;

/**
 * The inbound intake as the server wires it, over an in-memory queue, for tests of what stores jobs. The workers
 * are never started: jobs stay QUEUED for the test to look at. The configuration is read without a cache, so a
 * change shows at once. Close it after use.
 */
public record Intake(InboundService inbound, JobWorkers workers) implements AutoCloseable {

    public static Intake over(ConfigurationService configuration, CredentialRepository credentials,
                              InMemoryJobQueue queue, Clock clock) {
        CachedConfiguration cached = new CachedConfiguration(configuration, credentials, Duration.ZERO);
        BodyParser parser = new BodyParser(ParseLimits.DEFAULTS);
        MappingService mapping = new MappingService(configuration, parser, new MappingCompiler(10),
                new MappingEngine(LookupCache.disabled(), (integration, credential) -> Optional.empty(), clock,
                        ZoneOffset.UTC), integration -> {
                    throw new AssertionError("the intake writes no record; its workers are not started");
                });
        WorkerSettings settings = WorkerSettings.DEFAULTS;
        JobWorkers workers = new JobWorkers(queue, new JobRunner(cached, mapping, settings.retry(), clock), settings,
                clock);
        return new Intake(new InboundService(cached, new InboundAuthenticator(clock), parser, queue, queue, workers,
                InboundSettings.DEFAULTS), workers);
    }

    @Override
    public void close() {
        workers.close(1_000);
    }
}
