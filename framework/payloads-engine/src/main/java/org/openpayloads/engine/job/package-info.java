/**
 * Jobs: one run of a payload each. Entry point: {@link org.openpayloads.engine.job.JobService}, which
 * the admin API reads jobs through. The pipeline that runs them arrives with the inbound issue.
 */
@NullMarked
package org.openpayloads.engine.job;

import org.jspecify.annotations.NullMarked;
