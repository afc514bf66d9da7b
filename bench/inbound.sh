#!/usr/bin/env bash
# The inbound load benchmark: signed Stripe charge.succeeded webhooks against the server's intake
# (POST /in/bench/charge: verified, stored as a QUEUED job, 202), then end to end (every job run and its Account
# upserted in the embedded org), then the same intake load against BaselineIntakeServer, a minimal hand-written
# intake doing the same durable work on the same database. Once on PostgreSQL, once on HSQLDB.
# The server's intake is measured twice: as deployed (its workers run the jobs meanwhile, on the same CPUs), and
# into a copy of the payload that is inactive (POST /in/bench/charge-held: the same checks and INSERT, the job
# stored as HELD), so that no worker competes with it, as none competes with the baseline.
# Prints a Markdown table, also written to bench/target/inbound-results.md; logs go to bench/target/inbound/.
# Figures go to docs/performance.md.
#
# Needs: Java 17+, Maven, curl, jq, psql, and PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth).
# Settings (environment):
#   DBS="postgresql hsqldb"  databases to run on     CONNECTIONS="16 64"  intake runs, one per count
#   WARMUP=5s DURATION=20s   each intake run         EVENTS=20000         end-to-end events
#   E2E_CONNECTIONS=16       end-to-end connections  CUSTOMERS=4000       customers the events cover
#   PORT=18180 BASELINE_PORT=18190                   SERVER_HEAP=512m     the server's (and baseline's) -Xmx
#   DRAIN_TIMEOUT=1800       seconds to wait for the job queue to empty
#   HELD_RUNS=0              skip the intake runs into the inactive payload
#   SKIP_BUILD=1             use the jars already built
#   SERVER_JAVA_OPTS=...     more JVM options for the server, such as a JFR recording
set -euo pipefail
cd "$(dirname "$0")/.."

DBS="${DBS:-postgresql hsqldb}"
CONNECTIONS="${CONNECTIONS:-16 64}"
WARMUP="${WARMUP:-5s}"
DURATION="${DURATION:-20s}"
EVENTS="${EVENTS:-20000}"
E2E_CONNECTIONS="${E2E_CONNECTIONS:-16}"
CUSTOMERS="${CUSTOMERS:-4000}"
PORT="${PORT:-18180}"
BASELINE_PORT="${BASELINE_PORT:-18190}"
SERVER_HEAP="${SERVER_HEAP:-512m}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-1800}"
HELD_RUNS="${HELD_RUNS:-1}"

TOKEN="bench-inbound-admin-token-0123456789"
SECRET="whsec_openpayloads_inbound_bench_0123456789abcdef"
PG_ADMIN_URL="postgresql://postgres@127.0.0.1:5432/test"
PG_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/bench_inbound"
PATH_IN="/in/bench/charge"
PATH_HELD="/in/bench/charge-held"
SERVER_JAR="framework/payloads-server/target/payloads-server.jar"
BENCH_CP="bench/target/payloads-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
CONFIG="bench/inbound"
LOGS="bench/target/inbound"
RESULTS="bench/target/inbound-results.md"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/payloads-inbound.XXXXXX")
STARTED=()   # pids of the JVMs this script started
FAILED=()    # what went wrong, for the summary

# --- processes --------------------------------------------------------------------------------------------------

# Stops one process this script started: SIGTERM (a graceful stop), then SIGKILL after 30 s.
stop() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${STARTED[@]}"; do stop "$pid"; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "Interrupted" >&2; exit 130' INT TERM

fail() {
  echo "inbound.sh: $*" >&2
  exit 1
}

# Waits until URL answers with one of the expected statuses, while PID lives.
await_http() {
  local url=$1 expected=$2 pid=$3 log=$4 code
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; fail "the process logging to $log ended before $url answered"; }
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    [[ " $expected " == *" $code "* ]] && return 0
    sleep 0.2
  done
  tail -30 "$log" >&2
  fail "$url did not answer $expected within 120 s"
}

check_port_free() {
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; then
    fail "port $1 is already in use; set PORT / BASELINE_PORT to free ports"
  fi
}

# --- the admin API ----------------------------------------------------------------------------------------------

# POSTs a JSON file (or stdin with "-") to the server and prints the answer; any status but 2xx stops the run.
api_post() {
  local path=$1 file=$2 answer code
  answer=$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$PORT$path" --data-binary "@$file")
  code=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  [[ "$code" == 2?? ]] || fail "POST $path answered $code: $answer"
  printf '%s' "$answer"
}

api_get() {
  curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1"
}

# The org's external id field, the integration, its credential (the signing secret) and the charge payload.
configure() {
  api_post /api/v1/org/objects/Account/fields "$CONFIG/account-field.json" >/dev/null
  api_post /api/v1/integrations "$CONFIG/integration.json" >/dev/null
  sed "s/\${WEBHOOK_SECRET}/$SECRET/" "$CONFIG/credential.json" \
    | api_post /api/v1/integrations/bench/credentials - >/dev/null
  api_post /api/v1/integrations/bench/payloads "$CONFIG/payload.json" >/dev/null
  jq '.apiName = "charge-held" | .label += " (inactive: jobs held)" | .active = false | .whenInactive = "HOLD"' \
    "$CONFIG/payload.json" | api_post /api/v1/integrations/bench/payloads - >/dev/null
  local valid
  valid=$(curl -sS -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/integrations/bench/validate")
  [[ $(jq -r .valid <<<"$valid") == true ]] || fail "the bench integration is not valid: $valid"
}

# An org session, as a Salesforce client gets one: a connected app, then the client-credentials grant.
org_token() {
  local app
  app=$(api_post /api/v1/org/connected-apps "$CONFIG/connected-app.json")
  curl -sS --fail-with-body "http://127.0.0.1:$PORT/services/oauth2/token" \
    --data-urlencode grant_type=client_credentials \
    --data-urlencode "client_id=$(jq -r .clientId <<<"$app")" \
    --data-urlencode "client_secret=$(jq -r .clientSecret <<<"$app")" | jq -r .access_token
}

account_count() {
  curl -sS --fail-with-body -H "Authorization: Bearer $1" \
    "http://127.0.0.1:$PORT/services/data/v62.0/query?q=SELECT+COUNT()+FROM+Account" | jq -r .totalSize
}

# Jobs of the bench integration with these statuses (comma-separated; empty for any), received since FROM if given.
job_count() {
  local query="integration=bench&size=1"
  [[ -n "$1" ]] && query+="&status=$1"
  [[ -n "${2:-}" ]] && query+="&from=$2"
  api_get "/api/v1/jobs?$query" | jq -r .total
}

# Waits until no job is queued or running; prints the milliseconds at which that was seen.
await_jobs_done() {
  local deadline=$(( $(date +%s) + DRAIN_TIMEOUT )) waiting
  while true; do
    waiting=$(job_count QUEUED,RUNNING)
    if [[ "$waiting" == 0 ]]; then date +%s%3N; return 0; fi
    (( $(date +%s) < deadline )) || { echo "$waiting jobs still queued or running after ${DRAIN_TIMEOUT} s" >&2; return 1; }
    sleep 0.2
  done
}

# --- load -------------------------------------------------------------------------------------------------------

# Runs InboundLoad against http://127.0.0.1:PORT/PATH; its JSON summary goes to $WORK/NAME.json. A failed run is
# noted and the benchmark goes on.
load() {
  local name=$1 port=$2 path=$3; shift 3
  echo "--- $name"
  if java ${LOAD_JAVA_OPTS:--Xmx1g} -cp "$BENCH_CP" org.openpayloads.bench.inbound.InboundLoad \
      --url "http://127.0.0.1:$port$path" --secret "$SECRET" --customers "$CUSTOMERS" --label "$name" "$@" \
      | tee "$LOGS/$name.log"; then
    :
  else
    FAILED+=("$name: more than 0.1 % of requests failed (see $LOGS/$name.log)")
  fi
  grep '^{' "$LOGS/$name.log" | tail -1 > "$WORK/$name.json" || true
}

# One intake run per connection count; WHO names them: ours, held or baseline.
intake_runs() {
  local who=$1 db=$2 port=$3 path=$4 c
  for c in $CONNECTIONS; do
    load "$db-$who-$c" "$port" "$path" --connections "$c" --warmup "$WARMUP" --duration "$DURATION"
  done
}

# Posts EVENTS events, waits until every job has run, and checks the Accounts.
end_to_end() {
  local db=$1 token=$2 name="$db-ours-e2e" before drained start from done_at completed accounts
  before=$(date +%s%3N)
  await_jobs_done >/dev/null || FAILED+=("$db: the intake runs' jobs did not drain")
  drained=$(( $(date +%s%3N) - before ))
  from=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  load "$name" "$PORT" "$PATH_IN" --connections "$E2E_CONNECTIONS" --events "$EVENTS"
  if ! done_at=$(await_jobs_done); then
    FAILED+=("$name: jobs still waiting after ${DRAIN_TIMEOUT} s")
    done_at=$(date +%s%3N)
  fi
  start=$(jq -r '.startEpochMillis // 0' "$WORK/$name.json")
  completed=$(job_count COMPLETED "$from")
  accounts=$(account_count "$token")
  jq -n --argjson start "$start" --argjson done "$done_at" --argjson events "$EVENTS" \
    --argjson completed "$completed" --argjson accounts "$accounts" --argjson drained "$drained" \
    --argjson customers "$CUSTOMERS" '{events: $events, seconds: (($done - $start) / 1000),
      eventsPerSecond: ($events * 1000 / ($done - $start)), completed: $completed, accounts: $accounts,
      expectedAccounts: $customers, drainedSeconds: ($drained / 1000)}' > "$WORK/$db-e2e.json"
  echo "End to end: $(jq -c . "$WORK/$db-e2e.json")"
  [[ "$completed" == "$EVENTS" ]] || FAILED+=("$name: $completed of $EVENTS jobs COMPLETED")
  [[ "$accounts" == "$CUSTOMERS" ]] || FAILED+=("$name: $accounts Accounts in the org; expected $CUSTOMERS")
}

# --- one database -----------------------------------------------------------------------------------------------

fresh_postgresql() {
  psql "$PG_ADMIN_URL" -q -v ON_ERROR_STOP=1 -c 'DROP DATABASE IF EXISTS bench_inbound' \
    -c 'CREATE DATABASE bench_inbound' >/dev/null
}

run_database() {
  local db=$1 data="$WORK/$db" db_env=() baseline_db=() pid token
  mkdir -p "$data"
  case "$db" in
    postgresql)
      fresh_postgresql
      db_env=(PAYLOADS_DB_URL="$PG_JDBC_URL" PAYLOADS_DB_USER=postgres)
      baseline_db=(--db-url "$PG_JDBC_URL" --db-user postgres) ;;
    hsqldb)
      baseline_db=(--db-url "jdbc:hsqldb:file:$data/baseline/db;hsqldb.write_delay=false;hsqldb.tx=mvcc"
                   --db-user SA) ;;
    *) fail "unknown database '$db' in DBS; expected postgresql and/or hsqldb" ;;
  esac

  echo "=== $db: OpenPayloads server (-Xmx$SERVER_HEAP) on port $PORT"
  check_port_free "$PORT"
  env -u PAYLOADS_DB_URL -u PAYLOADS_DB_USER -u PAYLOADS_DB_PASSWORD -u PAYLOADS_CONFIG -u PAYLOADS_SALESFORCE_URL \
    "${db_env[@]}" PAYLOADS_ADMIN_TOKEN="$TOKEN" PAYLOADS_SAMPLES=none \
    java "-Xmx$SERVER_HEAP" ${SERVER_JAVA_OPTS:-} -jar "$SERVER_JAR" run --host 127.0.0.1 --port "$PORT" --data-dir "$data/server" \
    > "$LOGS/$db-server.log" 2>&1 &
  pid=$!
  STARTED+=("$pid")
  await_http "http://127.0.0.1:$PORT/health" 200 "$pid" "$LOGS/$db-server.log"
  configure
  token=$(org_token)
  intake_runs ours "$db" "$PORT" "$PATH_IN"
  end_to_end "$db" "$token"
  if [[ "$HELD_RUNS" == 1 ]]; then
    intake_runs held "$db" "$PORT" "$PATH_HELD"
  fi
  stop "$pid"

  echo "=== $db: BaselineIntakeServer (-Xmx$SERVER_HEAP) on port $BASELINE_PORT"
  check_port_free "$BASELINE_PORT"
  java "-Xmx$SERVER_HEAP" -cp "$BENCH_CP" org.openpayloads.bench.inbound.BaselineIntakeServer \
    --port "$BASELINE_PORT" --path "$PATH_IN" --secret "$SECRET" "${baseline_db[@]}" \
    > "$LOGS/$db-baseline.log" 2>&1 &
  pid=$!
  STARTED+=("$pid")
  await_http "http://127.0.0.1:$BASELINE_PORT$PATH_IN" 405 "$pid" "$LOGS/$db-baseline.log"
  intake_runs baseline "$db" "$BASELINE_PORT" "$PATH_IN"
  stop "$pid"
}

# --- the summary ------------------------------------------------------------------------------------------------

# A jq function: an integer with thousands separators, 20000 as 20,000.
JQ_THOUSANDS='def n: if . >= 1000 then "\(. / 1000 | floor | n),\("00\(. % 1000)" | .[-3:])" else tostring end; '

label() {
  case "$1" in
    postgresql) echo PostgreSQL ;; hsqldb) echo HSQLDB ;;
    ours) echo "OpenPayloads" ;; held) echo "OpenPayloads, payload inactive (jobs HELD, workers idle)" ;;
    baseline) echo "baseline (hand-written)" ;; *) echo "$1" ;;
  esac
}

# One table row of an intake run, from its JSON summary.
intake_row() {
  local db=$1 who=$2 c=$3 file="$WORK/$1-$2-$3.json"
  if [[ ! -s "$file" ]]; then
    printf '| %s | %s | %s | no result | | | | | | |\n' "$(label "$db")" "$(label "$who")" "$c"
    return
  fi
  jq -r --arg db "$(label "$db")" --arg who "$(label "$who")" "$JQ_THOUSANDS"'
    def ms: . * 100 | round / 100;
    "| \($db) | \($who) | \(.connections) | \(.requests | n) | \(.requestsPerSecond | floor | n) "
    + "| \(.latencyMillis.p50 | ms) | \(.latencyMillis.p90 | ms) | \(.latencyMillis.p99 | ms) | \(.latencyMillis.max | ms) "
    + "| \(.failures) |"' "$file"
}

# One row of the ratio table: WHO's requests/s over the baseline's, at the same connection count.
ratio_row() {
  local db=$1 who=$2 c=$3 ours base
  ours=$(jq -r '.requestsPerSecond // empty' "$WORK/$db-$who-$c.json" 2>/dev/null || true)
  base=$(jq -r '.requestsPerSecond // empty' "$WORK/$db-baseline-$c.json" 2>/dev/null || true)
  if [[ -n "$ours" && -n "$base" ]]; then
    jq -nr --argjson o "$ours" --argjson b "$base" --arg db "$(label "$db")" --arg who "$(label "$who")" --arg c "$c" \
      '($o * 100 / $b) as $r
       | "| \($db) | \($who) | \($c) | \($r * 10 | round / 10) % | \(if $r >= 70 then "met" else "NOT met" end) |"'
  else
    echo "| $(label "$db") | $(label "$who") | $c | no result | |"
  fi
}

summary() {
  local db c ours base
  echo "## Inbound intake and end to end ($(date -u +%Y-%m-%d))"
  echo
  echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1);" \
       "server and baseline -Xmx$SERVER_HEAP; $(jq -nr "$JQ_THOUSANDS $CUSTOMERS | n") customers; intake runs $WARMUP warm-up + $DURATION measured;" \
       "load tool, server and database share the machine (load average $LOAD_AT_START at the start)."
  echo
  echo "| Database | Intake | Connections | Requests | Requests/s | p50 ms | p90 ms | p99 ms | max ms | Non-2xx |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for db in $DBS; do
    for c in $CONNECTIONS; do
      intake_row "$db" ours "$c"
      if [[ "$HELD_RUNS" == 1 ]]; then intake_row "$db" held "$c"; fi
      intake_row "$db" baseline "$c"
    done
  done
  echo
  echo "| Database | Intake | Connections | Requests/s, OpenPayloads / baseline | Target >= 70 % |"
  echo "|---|---|---:|---:|---|"
  for db in $DBS; do
    for c in $CONNECTIONS; do
      ratio_row "$db" ours "$c"
      if [[ "$HELD_RUNS" == 1 ]]; then ratio_row "$db" held "$c"; fi
    done
  done
  echo
  echo "| Database | End-to-end events | First send to last job finished | Events/s | Jobs COMPLETED | Accounts (expected) | Earlier backlog drained in |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for db in $DBS; do
    if [[ -s "$WORK/$db-e2e.json" ]]; then
      jq -r --arg db "$(label "$db")" "$JQ_THOUSANDS"'
        "| \($db) | \(.events | n) | \(.seconds * 10 | round / 10) s | \(.eventsPerSecond | floor | n) "
        + "| \(.completed | n) | \(.accounts | n) (\(.expectedAccounts | n)) | \(.drainedSeconds * 10 | round / 10) s |"' \
        "$WORK/$db-e2e.json"
    else
      echo "| $(label "$db") | no result | | | | | |"
    fi
  done
  if (( ${#FAILED[@]} > 0 )); then
    echo
    echo "**Failures:**"
    printf -- '- %s\n' "${FAILED[@]}"
  fi
}

# --- main -------------------------------------------------------------------------------------------------------

for tool in curl jq psql java; do
  command -v "$tool" >/dev/null || fail "$tool is needed"
done
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -DskipTests package -pl framework/payloads-server,bench -am
fi
[[ -f "$SERVER_JAR" ]] || fail "$SERVER_JAR is missing; build it, or run without SKIP_BUILD=1"
mkdir -p "$LOGS"
LOAD_AT_START=$(cut -d' ' -f1 /proc/loadavg)
if awk -v avg="$LOAD_AT_START" 'BEGIN { exit !(avg > 1.0) }'; then
  echo "Warning: the load average is $LOAD_AT_START; other work on this machine will skew the figures" >&2
fi
for db in $DBS; do
  run_database "$db"
done
summary | tee "$RESULTS"
echo
echo "Written to $RESULTS; logs in $LOGS/"
(( ${#FAILED[@]} == 0 )) || exit 1
