package org.openpayloads.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.TargetResult;

/** What one target did with one record in a job; {@code position} keeps the order they were written. */
@Entity
@Table(name = "job_result")
public class JobResultEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_result_seq")
    @SequenceGenerator(name = "job_result_seq", sequenceName = "job_result_seq", allocationSize = 1)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id", nullable = false)
    private JobEntity job;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "target", nullable = false, length = 80)
    private String target = "";

    @Column(name = "item_index", nullable = false)
    private int itemIndex;

    @Column(name = "object_name", length = 80)
    private @Nullable String objectName;

    @Column(name = "operation", length = 40)
    private @Nullable String operation;

    @Column(name = "record_id", length = 255)
    private @Nullable String recordId;

    @Column(name = "created")
    private @Nullable Boolean created;

    @Column(name = "success", nullable = false)
    private boolean success;

    @Column(name = "error_code", length = 255)
    private @Nullable String errorCode;

    @Column(name = "message", length = 4000)
    private @Nullable String message;

    /** For Hibernate, which sets every field, the association included. */
    protected JobResultEntity() {
    }

    public TargetResult toRecord() {
        return new TargetResult(target, itemIndex, objectName, operation, recordId, created, success, errorCode,
                message);
    }
}
