package org.openpayloads.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * The container of everything that connects one outside system: its payloads, credentials and jobs.
 *
 * @param apiName the stable, URL-safe identity used in URLs and exports
 */
public record Integration(String apiName, String label, @Nullable String description, boolean active,
                          AuditInfo audit) {

    public Integration {
        audit = audit == null ? AuditInfo.NEW : audit;
    }

    public Integration withAudit(AuditInfo newAudit) {
        return new Integration(apiName, label, description, active, newAudit);
    }
}
