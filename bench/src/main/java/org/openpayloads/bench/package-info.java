/**
 * Benchmarks run by hand: {@link org.openpayloads.bench.OrgUpsertBenchmark} measures Account upserts by
 * external id through the Salesforce connector into the embedded org; the package
 * {@code org.openpayloads.bench.mapping} holds the mapping engine's JMH benchmark. Figures go to
 * docs/performance.md.
 */
@NullMarked
package org.openpayloads.bench;

import org.jspecify.annotations.NullMarked;
