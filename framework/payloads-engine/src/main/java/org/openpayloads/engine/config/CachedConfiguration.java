package org.openpayloads.engine.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.port.CredentialRepository;

/**
 * The configuration as the pipeline reads it on every request and job: kept for a short time, so that a
 * busy endpoint does not read its payload from the database each time. A change made through this
 * process's {@link ConfigurationService} takes effect at once; one made by another process, within the
 * time to live.
 */
public final class CachedConfiguration {

    private final ConfigurationService configuration;
    private final CredentialRepository credentials;
    private final Cache<String, Integration> integrations;
    private final Cache<String, Payload> payloads;
    private final Cache<String, Optional<ResolvedCredential>> resolved;

    public CachedConfiguration(ConfigurationService configuration, CredentialRepository credentials,
                               Duration timeToLive) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("timeToLive must be 0 or more, was " + timeToLive);
        }
        this.integrations = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(1_000).build();
        this.payloads = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).build();
        this.resolved = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(1_000).build();
        configuration.onChange(this::invalidateAll);
    }

    /** @throws org.openpayloads.api.NotFoundException when there is no such integration */
    public Integration integration(String apiName) {
        return integrations.get(apiName, configuration::integration);
    }

    /** @throws org.openpayloads.api.NotFoundException when there is no such integration or payload */
    public Payload payload(String integration, String payload) {
        return payloads.get(integration + '/' + payload, key -> configuration.payload(integration, payload));
    }

    /** The credential with its secrets, or null when the integration has none of that name. */
    public @Nullable ResolvedCredential credential(String integration, String apiName) {
        return resolved.get(integration + '/' + apiName, key -> credentials.resolve(integration, apiName))
                .orElse(null);
    }

    public void invalidateAll() {
        integrations.invalidateAll();
        payloads.invalidateAll();
        resolved.invalidateAll();
    }
}
