/**
 * The mapping engine's JMH benchmark: {@link org.openpayloads.bench.mapping.MappingBenchmark} maps a Stripe
 * {@code charge.succeeded} event to 12 Account fields through the engine and through
 * {@link org.openpayloads.bench.mapping.HandWrittenChargeMapper}, plain Jackson code doing the same work.
 * {@link org.openpayloads.bench.mapping.MappingBenchmarkMain} runs it and prints the ratio; {@code bench/mapping.sh}
 * builds and runs it. Figures go to docs/performance.md.
 */
@NullMarked
package org.openpayloads.bench.mapping;

import org.jspecify.annotations.NullMarked;
