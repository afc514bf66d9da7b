package org.openpayloads.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * The container of everything that connects one outside system: its payloads, credentials and jobs.
 *
 * @param apiName the stable, URL-safe identity used in URLs and exports
 * @param retentionDays how many days finished jobs are kept; null for the server's default
 */
public record Integration(String apiName, String label, @Nullable String description, boolean active,
                          @Nullable Integer retentionDays, AuditInfo audit) {

    public Integration {
        audit = audit == null ? AuditInfo.NEW : audit;
    }

    /** An integration that keeps its jobs for the server's default retention. */
    public Integration(String apiName, String label, @Nullable String description, boolean active,
                       AuditInfo audit) {
        this(apiName, label, description, active, null, audit);
    }

    public Integration withAudit(AuditInfo newAudit) {
        return new Integration(apiName, label, description, active, retentionDays, newAudit);
    }
}
