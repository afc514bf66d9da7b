package org.openpayloads.engine.port;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openpayloads.testkit.SettableClock;

/** The in-memory queue keeps the contract every queue keeps. */
class InMemoryJobQueueTest extends JobQueueContract {

    private final SettableClock clock = new SettableClock(START);
    private final Set<String> integrations = new HashSet<>();
    private final Set<String> inactiveIntegrations = new HashSet<>();
    private final Set<String> payloads = new HashSet<>();
    private final Set<String> inactivePayloads = new HashSet<>();
    private final Map<String, Integer> retentionDays = new HashMap<>();
    private final InMemoryJobQueue.Catalog catalog = new InMemoryJobQueue.Catalog() {
        @Override
        public boolean hasIntegration(String integration) {
            return integrations.contains(integration);
        }

        @Override
        public boolean hasPayload(String integration, String payload) {
            return payloads.contains(integration + '/' + payload);
        }

        @Override
        public boolean isActive(String integration, String payload) {
            return !inactiveIntegrations.contains(integration) && !inactivePayloads.contains(integration + '/' + payload);
        }

        @Override
        public @Nullable Integer retentionDays(String integration) {
            return retentionDays.get(integration);
        }
    };
    private InMemoryJobQueue queue = new InMemoryJobQueue(clock, catalog);

    @Override
    protected JobQueue queue() {
        return queue;
    }

    @Override
    protected JobRepository jobs() {
        return queue;
    }

    @Override
    protected void setNow(Instant instant) {
        clock.set(instant);
    }

    @Override
    protected void startEmpty() {
        queue = new InMemoryJobQueue(clock, catalog);
    }

    @Override
    protected void createPayload(String integration, String payload) {
        integrations.add(integration);
        payloads.add(integration + '/' + payload);
    }

    @Override
    protected void setIntegrationActive(String integration, boolean active) {
        if (active) {
            inactiveIntegrations.remove(integration);
        } else {
            inactiveIntegrations.add(integration);
        }
    }

    @Override
    protected void setPayloadActive(String integration, String payload, boolean active) {
        if (active) {
            inactivePayloads.remove(integration + '/' + payload);
        } else {
            inactivePayloads.add(integration + '/' + payload);
        }
    }

    @Override
    protected void setRetentionDays(String integration, @Nullable Integer days) {
        retentionDays.put(integration, days);
    }

    @Test
    void needsAClockAndACatalog() {
        assertThatThrownBy(() -> new InMemoryJobQueue(null, catalog)).isInstanceOf(NullPointerException.class)
                .hasMessage("clock");
        assertThatThrownBy(() -> new InMemoryJobQueue(clock, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("catalog");
    }

}
