package org.openpayloads.engine.poll;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.inbound.InboundService;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.port.ExternalApis;
import org.openpayloads.engine.port.PollStates;
import org.openpayloads.engine.port.PollStates.PollState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this process's share of the POLLING payloads. Every tick it takes or renews the polling lease of each
 * active integration that has an active POLLING payload; for those it holds, it polls each payload whose
 * interval has passed. Each item found is stored as a job before the watermark moves past it, and the
 * watermark is stored only while the lease is held, so a process that lost its lease cannot move it.
 *
 * <p>What a payload has read survives a restart, a deactivation and an edit: only a new backfill date starts
 * it over. An item found twice (after a crash between its job and the watermark) is a duplicate of its job,
 * by the payload's dedupe key.
 */
public final class Pollers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pollers.class);

    private final ConfigurationService configuration;
    private final PollStates states;
    private final ExternalApis apis;
    private final InboundService inbound;
    private final PollSettings settings;
    private final Clock clock;
    private final String owner;
    private final ScheduledExecutorService scheduler;
    /** The last error logged per payload, so that a failing poll is logged when its error changes, not each time. */
    private final Map<String, String> loggedErrors = new ConcurrentHashMap<>();

    /** @param owner the name this process's leases carry, unique per process start */
    public Pollers(ConfigurationService configuration, PollStates states, ExternalApis apis, InboundService inbound,
                   PollSettings settings, Clock clock, String owner) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.states = Objects.requireNonNull(states, "states");
        this.apis = Objects.requireNonNull(apis, "apis");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "payloads-poller");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts polling. */
    public void start() {
        long tickMillis = settings.tick().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** A POLLING payload's state, and who holds its integration's lease. */
    public Status status(String integration, String payload) {
        Payload config = configuration.payload(integration, payload);
        if (config.kind() != PayloadKind.POLLING) {
            throw new NotFoundException("Payload " + integration + "/" + payload + " is of kind " + config.kind()
                    + " and does not poll; expected a POLLING payload");
        }
        return new Status(states.find(integration, payload).orElse(PollState.NEW), states.holder(integration)
                .orElse(null));
    }

    /** Forgets a POLLING payload's watermark: its next poll starts from its backfill date, or from now. */
    public Status reset(String integration, String payload) {
        status(integration, payload);
        states.reset(integration, payload);
        return status(integration, payload);
    }

    /** One round: every active integration with active POLLING payloads, those due polled. Never throws. */
    void tick() {
        Map<String, List<Payload>> polling;
        try {
            polling = configuration.activePollingPayloads();
        } catch (RuntimeException e) {
            LOG.warn("Polling round failed; trying again in {} ms: {}", settings.tick().toMillis(), e.getMessage());
            return;
        }
        polling.forEach((integration, payloads) -> {
            try {
                if (states.lease(integration, owner, clock.instant(), settings.lease())) {
                    payloads.forEach(payload -> pollIfDue(integration, payload));
                }
            } catch (RuntimeException e) {
                // A deleted integration, or the database failing: the others still get their turn.
                LOG.warn("Polling {} failed; trying again in {} ms: {}", integration, settings.tick().toMillis(),
                        e.getMessage());
            }
        });
    }

    private void pollIfDue(String integration, Payload payload) {
        Polling polling = Objects.requireNonNull(payload.polling());
        PollState state = states.find(integration, payload.apiName()).orElse(PollState.NEW);
        Instant now = clock.instant();
        if (state.caughtUp() && state.lastPolledAt() != null
                && now.isBefore(state.lastPolledAt().plusSeconds(polling.intervalSeconds()))) {
            return;
        }
        boolean backfillChanged = polling.backfillFrom() != null
                && !polling.backfillFrom().equals(state.backfillFrom());
        Watermark after = backfillChanged ? null : state.watermark();
        Instant since = after == null ? polling.backfillFrom() : null;
        PollState saved = state;
        String name = integration + "/" + payload.apiName();
        try {
            for (int poll = 0; poll < settings.maxPollsPerRun(); poll++) {
                PollPage page = apis.poll(integration, payload.credential(), polling.trigger(), polling.options(),
                        after, since, settings.maxItemsPerPoll());
                int stored = 0;
                for (JsonNode item : page.items()) {
                    if (!inbound.takePolled(integration, payload, item).duplicate()) {
                        stored++;
                    }
                }
                after = page.watermark();
                since = null;
                PollState next = new PollState(after, polling.backfillFrom(), clock.instant(), !page.more(), null,
                        saved.itemsTaken() + stored);
                if (!save(integration, payload.apiName(), next)) {
                    LOG.info("Lost the polling lease of {} to another process; it goes on from the last watermark "
                            + "stored", integration);
                    return;
                }
                saved = next;
                if (loggedErrors.remove(name) != null) {
                    LOG.info("{}: polling works again", name);
                }
                if (next.caughtUp()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!message.equals(loggedErrors.put(name, message))) {
                LOG.warn("{}: poll of {} failed; the watermark stays, and the next poll in {} s tries again: {}", name,
                        polling.trigger(), polling.intervalSeconds(), message);
            }
            try {
                save(integration, payload.apiName(), new PollState(saved.watermark(), saved.backfillFrom(),
                        clock.instant(), true, message, saved.itemsTaken()));
            } catch (RuntimeException ignored) {
                // The database itself is failing; the next round tries again.
            }
        }
    }

    /**
     * Renews the lease, then saves: a poll may outlast the lease (Stripe retrying a slow answer), and the lease
     * is still this process's unless another took it meanwhile, in which case nothing is saved.
     */
    private boolean save(String integration, String payload, PollState state) {
        Instant now = clock.instant();
        return states.lease(integration, owner, now, settings.lease())
                && states.save(integration, payload, owner, now, state);
    }

    /** Stops polling; the leases held are given up, so another process can take over at once. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            states.release(owner);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Cannot give up the polling leases; they expire in {} s: {}", settings.lease().toSeconds(),
                    e.getMessage());
        }
    }

    /**
     * A POLLING payload's state.
     *
     * @param lease who holds its integration's polling lease; null when no process ever did
     */
    public record Status(PollState state, PollStates.@Nullable Lease lease) {
    }
}
