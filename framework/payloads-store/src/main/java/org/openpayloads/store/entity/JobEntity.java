package org.openpayloads.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.Length;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobAttempt;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.TargetResult;

/**
 * One run of a payload, with its raw request. Not audited: jobs are records of what happened, never
 * edited by people. Lists read it through a projection that leaves the request body out.
 */
@Entity
@Table(name = "job")
public class JobEntity {

    /** The longest error message kept; longer ones are cut. */
    public static final int ERROR_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_seq")
    @SequenceGenerator(name = "job_seq", sequenceName = "job_seq", allocationSize = 1)
    private @Nullable Long id;

    @Column(name = "job_number", nullable = false, length = 30)
    private String jobNumber = "";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "integration_id", nullable = false)
    private IntegrationEntity integration;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payload_id", nullable = false)
    private PayloadEntity payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 20)
    private Direction direction = Direction.INBOUND;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private JobStatus status = JobStatus.QUEUED;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 20)
    private JobSource source = JobSource.EXTERNAL_API;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt = Instant.EPOCH;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Column(name = "next_attempt_at")
    private @Nullable Instant nextAttemptAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "records_processed", nullable = false)
    private int recordsProcessed;

    @Column(name = "response_code")
    private @Nullable Integer responseCode;

    @Column(name = "error", length = ERROR_MAX)
    private @Nullable String error;

    @Column(name = "replay_of")
    private @Nullable Long replayOf;

    @Column(name = "dedupe_key", length = 500)
    private @Nullable String dedupeKey;

    @Column(name = "ordering_key", length = 500)
    private @Nullable String orderingKey;

    @Column(name = "lease_owner", length = 200)
    private @Nullable String leaseOwner;

    @Column(name = "lease_expires_at")
    private @Nullable Instant leaseExpiresAt;

    @Column(name = "request_content_type")
    private @Nullable String requestContentType;

    @Convert(converter = JsonColumns.StringMap.class)
    @Column(name = "request_headers", nullable = false, length = Length.LONG32)
    private Map<String, String> requestHeaders = Map.of();

    @Column(name = "request_body", nullable = false, length = Length.LONG32)
    private byte[] requestBody = new byte[0];

    /** For Hibernate, which sets every field, the association included. */
    protected JobEntity() {
    }

    /** The job with its request, and the given results and attempts. */
    public Job toRecord(String integrationName, String payloadName, List<TargetResult> results,
                        List<JobAttempt> history) {
        return new Job(id == null ? 0 : id, jobNumber, integrationName, payloadName, direction, status, source,
                receivedAt, startedAt, finishedAt, nextAttemptAt, attempts, recordsProcessed, responseCode, error,
                replayOf, dedupeKey, orderingKey, new JobRequest(requestContentType, requestHeaders, requestBody),
                results, history);
    }

    public @Nullable Long getId() {
        return id;
    }

    public PayloadEntity getPayload() {
        return payload;
    }
}
