package org.openpayloads.engine.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.config.CachedConfiguration;
import org.openpayloads.engine.config.Names;
import org.openpayloads.engine.job.JobWorkers;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.port.JobQueue;
import org.openpayloads.engine.port.JobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound endpoint's work: check a request against its payload (content type, auth, a body that parses),
 * then store it as a job before anyone is answered. A redelivery with a dedupe key already seen stores
 * nothing and names the first job. In sync mode the caller waits for the job's first attempt.
 *
 * <p>Refused authentication goes to the {@value #SECURITY_LOG} log, never to a job.
 */
public final class InboundService {

    /** The logger of refused inbound requests. */
    public static final String SECURITY_LOG = "org.openpayloads.security";
    private static final Logger SECURITY = LoggerFactory.getLogger(SECURITY_LOG);
    private static final long STATUS_POLL_MILLIS = 250;
    /** Request headers never stored with a job: credentials, and those that only describe the connection. */
    private static final Set<String> UNSAFE_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "stripe-signature", "x-api-key", "connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "te", "trailer", "expect");
    private static final List<String> UNSAFE_WORDS = List.of("signature", "secret", "token", "password", "api-key",
            "apikey", "auth");

    private static final ObjectMapper POLLED = new ObjectMapper();
    private static final String POLLED_CONTENT_TYPE = "application/json";

    private final CachedConfiguration configuration;
    private final InboundAuthenticator authenticator;
    private final BodyParser parser;
    private final JobQueue queue;
    private final JobRepository jobs;
    private final JobWorkers workers;
    private final InboundSettings settings;
    private final Map<String, JobKeys> keys = new ConcurrentHashMap<>();

    public InboundService(CachedConfiguration configuration, InboundAuthenticator authenticator, BodyParser parser,
                          JobQueue queue, JobRepository jobs, JobWorkers workers, InboundSettings settings) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public InboundSettings settings() {
        return settings;
    }

    /**
     * Takes one request.
     *
     * @param caller the caller's address, for the security log; asked for only when a request is refused
     * @param sync wait for the first attempt, even when the payload does not ask for it
     * @throws NotFoundException when there is no such inbound payload
     * @throws InboundRejectedException when the content type is not the payload's, the body does not parse,
     *     or the payload rejects requests while inactive
     * @throws AuthenticationException when the request fails the payload's auth
     */
    public Received receive(String integration, String payload, InboundRequest request, @Nullable String contentType,
                            Supplier<String> caller, boolean sync) {
        if (!Names.isApiName(integration) || !Names.isApiName(payload)) {
            throw new NotFoundException("No inbound payload " + integration + "/" + payload + " exists; integration "
                    + "and payload names are letters, digits, '-' and '_'");
        }
        Payload config = configuration.payload(integration, payload);
        if (config.direction() != Direction.INBOUND) {
            throw new NotFoundException("Payload " + integration + "/" + payload + " is outbound; expected an inbound "
                    + "payload to POST to");
        }
        if (config.kind() == PayloadKind.POLLING) {
            throw new NotFoundException("Payload " + integration + "/" + payload + " polls its source and takes no "
                    + "POST; expected a payload of kind API_PUSH");
        }
        ContentType type = contentTypeOf(config, contentType);
        authenticate(integration, config, request, caller);
        JsonNode body;
        try {
            body = parser.parse(type, request.body(), contentType);
        } catch (MappingException e) {
            throw new InboundRejectedException(InboundRejectedException.Reason.INVALID_BODY, "The body is not valid "
                    + type.mediaType() + ": " + e.getMessage(), null);
        }
        JobStatus status = JobStatus.QUEUED;
        Integration owner = configuration.integration(integration);
        if (!owner.active() || !config.active()) {
            String inactive = (owner.active() ? "Payload " + integration + "/" + payload : "Integration " + integration)
                    + " is inactive";
            if (config.whenInactive() == InactiveBehaviour.REJECT) {
                throw new InboundRejectedException(InboundRejectedException.Reason.INACTIVE, inactive
                        + "; send again later", settings.inactiveRetryAfter());
            }
            status = JobStatus.HELD;
        }
        JobKeys jobKeys = keysOf(integration, config);
        boolean waits = (sync || config.syncResponse()) && status == JobStatus.QUEUED;
        JobQueue.Receipt receipt = queue.enqueue(new NewJob(integration, payload, Direction.INBOUND, status,
                JobSource.EXTERNAL_API, new JobRequest(contentType, safeHeaders(request, config.auth()), request.body()),
                jobKeys.dedupeKey(request::header, body), jobKeys.orderingKey(request::header, body), null,
                waits ? null : 202));
        if (receipt.duplicate()) {
            return new Received(receipt, null);
        }
        if (status == JobStatus.QUEUED) {
            workers.wake();
        }
        return waits ? new Received(receipt, awaitFirstAttempt(receipt.jobId())) : new Received(receipt, null);
    }

    /**
     * Stores an item a POLLING payload's trigger found as a QUEUED job, as {@link #receive} stores a request: with
     * the payload's dedupe and ordering keys, so an item found twice is a duplicate of its first job.
     *
     * @param item the item as JSON
     * @throws NotFoundException when the payload does not exist
     */
    public JobQueue.Receipt takePolled(String integration, Payload config, JsonNode item) {
        byte[] body;
        try {
            body = POLLED.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A polled item of " + integration + "/" + config.apiName()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        JobKeys jobKeys = keysOf(integration, config);
        Function<String, Optional<String>> noHeaders = name -> Optional.empty();
        JobQueue.Receipt receipt = queue.enqueue(new NewJob(integration, config.apiName(), Direction.INBOUND,
                JobStatus.QUEUED, JobSource.POLLING, new JobRequest(POLLED_CONTENT_TYPE, Map.of(), body),
                jobKeys.dedupeKey(noHeaders, item), jobKeys.orderingKey(noHeaders, item), null, null));
        if (!receipt.duplicate()) {
            workers.wake();
        }
        return receipt;
    }

    /** The HTTP status a sync caller gets for its job: 200 complete, 207 partial, 422 failed, else 202. */
    public static int syncStatus(JobStatus status) {
        return switch (status) {
            case COMPLETED -> 200;
            case PARTIAL -> 207;
            case FAILED, DEAD -> 422;
            default -> 202;
        };
    }

    /** Records the status a sync caller was answered. */
    public void answered(long jobId, int status) {
        queue.recordResponse(jobId, status);
    }

    private ContentType contentTypeOf(Payload config, @Nullable String header) {
        if (header == null || header.isBlank()) {
            return config.contentType();
        }
        return ContentType.ofHeader(header).filter(type -> type == config.contentType())
                .orElseThrow(() -> new InboundRejectedException(InboundRejectedException.Reason.UNSUPPORTED_CONTENT_TYPE,
                        "Content-Type '" + header + "' is not what this payload takes; expected "
                                + config.contentType().mediaType(), null));
    }

    private void authenticate(String integration, Payload config, InboundRequest request, Supplier<String> caller) {
        InboundAuth auth = config.auth();
        ResolvedCredential credential = auth.credential() == null ? null
                : configuration.credential(integration, auth.credential());
        try {
            authenticator.verify(auth, credential, request);
        } catch (AuthenticationException e) {
            SECURITY.warn("Refused POST /in/{}/{} from {}: {} ({} auth)", integration, config.apiName(), caller.get(),
                    e.getMessage(), auth.type());
            throw e;
        }
    }

    private JobKeys keysOf(String integration, Payload config) {
        String name = integration + '/' + config.apiName();
        JobKeys cached = keys.get(name);
        if (cached != null && cached.compiledFrom(config)) {
            return cached;
        }
        JobKeys compiled = JobKeys.compile(config);
        keys.put(name, compiled);
        return compiled;
    }

    /** Waits for the job's first attempt to end, here or in another process, up to the sync timeout. */
    private Job awaitFirstAttempt(long jobId) {
        CompletableFuture<AttemptEnd> attempt = workers.nextAttempt(jobId);
        long deadline = System.nanoTime() + settings.syncTimeout().toNanos();
        try {
            // A worker that finished before the wait began completes no future: its status shows it.
            while (!ended(jobId)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    attempt.get(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, STATUS_POLL_MILLIS),
                            TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    // Another process may be running it; the loop's condition looks at its status.
                } catch (ExecutionException e) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            workers.forget(jobId);
        }
        return jobs.find(jobId).orElseThrow(() -> NotFoundException.of("job", Long.toString(jobId)));
    }

    private boolean ended(long jobId) {
        JobStatus status = queue.status(jobId).orElse(JobStatus.QUEUED);
        return status.isFinal() || status == JobStatus.HELD;
    }

    /**
     * The headers kept with the job: all but credentials, signatures, cookies, the payload's own auth header
     * and hop-by-hop headers. Repeated headers are joined with ", ".
     */
    static Map<String, String> safeHeaders(InboundRequest request, InboundAuth auth) {
        Map<String, String> kept = new TreeMap<>();
        String authHeader = auth.headerName() == null ? null : auth.headerName().toLowerCase(Locale.ROOT);
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (UNSAFE_HEADERS.contains(lower) || lower.equals(authHeader)
                    || UNSAFE_WORDS.stream().anyMatch(lower::contains)) {
                return;
            }
            kept.put(name, String.join(", ", values));
        });
        return kept;
    }

    /**
     * What the endpoint did with a request.
     *
     * @param job the job after its first attempt, when the caller waited for it
     */
    public record Received(JobQueue.Receipt receipt, @Nullable Job job) {
    }
}
