#!/usr/bin/env bash
# JMH: the mapping engine against a hand-written Jackson mapper on the same Stripe charge.succeeded event
# (12 Account fields): from the bytes, from a parsed tree, and the parse alone, with the GC profiler for the
# bytes allocated per mapped record. Prints a Markdown table and the engine/hand-written ratios; JMH's JSON
# goes to bench/target/jmh-mapping.json. See docs/performance.md, "Mapping engine".
# Settings: FORKS, WARMUP and MEASURE (iterations), TIME (per iteration), SKIP_BUILD=1 to run the last build.
# More JMH options may follow, for example: bench/mapping.sh -prof stack
set -euo pipefail
cd "$(dirname "$0")/.."
FORKS="${FORKS:-2}"
WARMUP="${WARMUP:-5}"
MEASURE="${MEASURE:-5}"
TIME="${TIME:-2s}"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -DskipTests package -pl bench -am
fi
CP="bench/target/payloads-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
java ${JAVA_OPTS:--Xmx1g} -cp "$CP" org.openpayloads.bench.mapping.MappingBenchmarkMain \
  -f "$FORKS" -wi "$WARMUP" -w "$TIME" -i "$MEASURE" -r "$TIME" -prof gc \
  -rf json -rff bench/target/jmh-mapping.json "$@"
