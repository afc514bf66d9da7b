/**
 * The mapping engine's JMH benchmark: {@link org.openpayloads.bench.mapping.MappingBenchmark} maps a Stripe
 * {@code charge.succeeded} event ({@link org.openpayloads.bench.mapping.ChargeToAccount}) to 12 Account fields
 * through the engine, against a {@link org.openpayloads.bench.mapping.DiscardingRecordClient}, and through
 * {@link org.openpayloads.bench.mapping.HandWrittenChargeMapper}, plain Jackson code doing the same work.
 * {@link org.openpayloads.bench.mapping.MappingBenchmarkMain} runs it with the GC and
 * {@link org.openpayloads.bench.mapping.CpuTimeProfiler} profilers and prints the ratios; {@code bench/mapping.sh}
 * builds and runs it. Figures go to docs/performance.md.
 */
@NullMarked
package org.openpayloads.bench.mapping;

import org.jspecify.annotations.NullMarked;
