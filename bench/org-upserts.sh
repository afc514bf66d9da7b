#!/usr/bin/env bash
# 10,000 Account upserts by external id through the Salesforce connector into the embedded org:
# HSQLDB and PostgreSQL, in process and over HTTP. Needs PostgreSQL on 127.0.0.1:5432 (database test).
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS="${RECORDS:-10000}"
mvn -B -q -DskipTests package -pl bench -am
CP="bench/target/payloads-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
for db in hsqldb postgresql; do
  for transport in in-process http; do
    java ${JAVA_OPTS:--Xmx1g} -cp "$CP" org.openpayloads.bench.OrgUpsertBenchmark \
      --db "$db" --transport "$transport" --records "$RECORDS" 2>&1 | sed -n '/^RESULT/,$p'
  done
done
